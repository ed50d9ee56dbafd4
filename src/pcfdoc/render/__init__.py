"""The Word report (stage 4): a validated spec and its results in, the bytes of a .docx out.

``docx.render_report`` is the entry point. ``context`` (with ``products`` and ``analysis``)
turns results into the names and formatted figures the template places, in the words of
the report's language (``labels``); it formats and selects, it never computes.
``template`` and ``docx`` run docxtpl around its pitfalls, in the ``sandbox`` that lets a
template read data and nothing else, within bounded work; ``charts``, ``chartxml``,
``chart_workbook``, ``diagram`` and ``figures`` make the native Word charts and the
boundary diagram; ``captions`` numbers tables and figures. Nothing is written here:
the bytes go back to the pipeline, which writes them.
"""
