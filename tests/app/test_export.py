from aigraph.export import formats


def test_every_format_has_a_download(open_app):
    at = open_app("export")
    assert not at.exception
    buttons = at.get("download_button")
    assert len(buttons) == len(formats())
    assert [m.value.split(" \u2014 ")[0].strip("*") for m in at.markdown] == formats()
