"""The PDF adapter: printable workbooks and answer keys from the core's pages, printed by Chromium."""
