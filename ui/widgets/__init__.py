"""Small widgets shared by the pages: the chart canvas, help texts."""
