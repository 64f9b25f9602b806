"""Templates, static files and the small design system every app's pages use."""
