"""H5P packages: validation, storage, the content origin that plays them, and our own content types."""
