"""Input files: grids read from CSV/TSV/XLSX, keyed-table headers, teams files and grades files."""
