"""Export stage: GEXF, GraphML, Gephi CSV tables and node-link JSON of three graph views
(full | initiatives | companies); RDF formats are delegated to kg.rdf."""
from kg.export.csv_tables import write_csv
from kg.export.files import FORMATS, export_graph, write_build_exports
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.node_link import read_json, write_json
from kg.export.views import VIEWS, view

__all__ = [
    "FORMATS",
    "VIEWS",
    "export_graph",
    "read_json",
    "view",
    "write_build_exports",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_json",
]
