"""One module per kind of page: each turns the render context into `GeneratedPage`s."""
