"""Importing an office's existing documents (text, Word, PDF) as items: ``gongkai import``.

Data flows one way: a reader (``readers``, ``word``, ``pdf``) turns a file into
plain :class:`~gongkai.importing.lines.Line` s; ``repair`` drops page furniture
and joins what page breaks split; ``officialdoc`` recognises the parts of a
Chinese official document (公文); ``guess`` maps them to catalogue.yml's
vocabularies; ``conversion`` makes the item's values and body (``markdown``
escapes the text) and the notes of the report (``report``): what was found,
repaired and guessed, and what is still to be filled in or checked. The item
itself is written by :mod:`gongkai.template`, as ``gongkai new`` writes one.
"""
