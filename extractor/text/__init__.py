"""Pure text analysis shared by several components (no spaCy, no state): quote marks,
country mentions, media-contact blocks. Components reach these results through
``doc._.pr_context``; the functions are also usable on plain strings."""
