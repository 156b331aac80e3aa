"""H5P packages: validation, storage, the content origin that plays them, our own content types."""
