"""kg: Chinese government documents -> a knowledge graph of enterprises, projects, parks, policies.

The Python API (documented in kg.knowledge_graph; imported on first use, so `import kg` is cheap):

- `kg.build(paths, out=None)`: build from document files and folders -> `KnowledgeGraph`
- `kg.build_texts({name: text}, out=None)`: build from strings
- `kg.load(folder)`: a build folder written by `kg build`
- `KnowledgeGraph.graph` (networkx), `.links()` (company-initiative records), `.links_frame()`
  (pandas), `.query(sparql, **params)` (SPARQL on the build's store), `.folder`

The command line is `kg` (kg.cli); the functions behind it are in kg.api.
"""
_API = ("KnowledgeGraph", "build", "build_texts", "load")


def __getattr__(name: str):
    if name in _API:
        from kg import knowledge_graph

        return getattr(knowledge_graph, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__():
    return sorted([*globals(), *_API])


__all__ = list(_API)
