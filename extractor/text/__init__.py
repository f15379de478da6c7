"""Pure text analysis shared by several components (no spaCy, no state): quote marks,
country mentions, media-contact blocks and the dateline grammar (read by pr_dateline).
Components reach these results through ``doc._.pr_context`` or call the functions; they are
also usable on plain strings."""
