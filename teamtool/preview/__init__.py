"""The students' preview page (``teamtool preview-page``): see :mod:`teamtool.preview.page`."""

from teamtool.preview.page import preview_html, script_json, write_preview_page

__all__ = ["preview_html", "script_json", "write_preview_page"]
