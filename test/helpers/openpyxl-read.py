"""Reads an xlsx with openpyxl (an independent reader) and prints its cells as JSON.

Usage: /usr/bin/python3 openpyxl-read.py FILE.xlsx
Prints {"sheets": [names], "cells": {sheet: {"A1": value, ...}}, "properties": {...},
"print": {sheet: {...}}}; dates as YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS when they carry a time).
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def main(path):
    wb = openpyxl.load_workbook(path)
    cells = {}
    prints = {}
    for ws in wb.worksheets:
        cells[ws.title] = {
            cell.coordinate: plain(cell.value)
            for row in ws.iter_rows()
            for cell in row
            if cell.value is not None
        }
        prints[ws.title] = {
            "orientation": ws.page_setup.orientation,
            "paperSize": ws.page_setup.paperSize,
            "fitToWidth": ws.page_setup.fitToWidth,
            "fitToHeight": ws.page_setup.fitToHeight,
            "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            "printTitleRows": ws.print_title_rows,
            "freezePanes": ws.freeze_panes,
        }
    props = wb.properties
    json.dump(
        {
            "sheets": wb.sheetnames,
            "cells": cells,
            "print": prints,
            "properties": {"title": props.title, "creator": props.creator, "created": plain(props.created)},
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(sys.argv[1])
