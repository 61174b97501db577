"""aigraph: turn AI industry reports into a queryable knowledge graph.

Importing the package is cheap: spaCy, the stores and the Neo4j driver load only
when a function that needs them is called.
"""

__version__ = "0.1.0"
