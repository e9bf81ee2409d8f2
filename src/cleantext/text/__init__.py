"""Text features: the page split into lines and gaps, words, lexicons, stopwords, pre-filters."""
