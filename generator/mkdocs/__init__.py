"""The MkDocs adapter: a thin plugin over the pure core, and the atomic `make site` build."""
