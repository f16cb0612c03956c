"""gongkai: publish government information disclosures (政府信息公开) from Markdown in git.

Data flows one way: files on disk are *loaded* (``source``), *validated*
against the one ``schema`` into a ``catalogue`` of immutable items, and
*rendered* (``pages``, feeds, statistics). The package never imports MkDocs;
``hooks/`` adapts it to a MkDocs build.
"""

__version__ = "0.1.0"
