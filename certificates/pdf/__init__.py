"""Certificate PDFs: the design, the renderer and reading a certificate back."""
