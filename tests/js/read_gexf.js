#!/usr/bin/env node
// Read a GEXF file with graphology-gexf (the parser behind Gephi Lite and sigma.js) and print
// what it understood as JSON: graph type, node and edge counts, every node's and edge's attributes.
'use strict';

const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const path = process.argv[2];
if (!path) {
  console.error('usage: node read_gexf.js FILE.gexf');
  process.exit(2);
}
const graph = gexf.parse(Graph, fs.readFileSync(path, 'utf8'));
const summary = {
  type: graph.type,
  multi: graph.multi,
  attributes: graph.getAttributes(),
  order: graph.order,
  size: graph.size,
  nodes: {},
  edges: {}
};
graph.forEachNode((node, attributes) => {
  summary.nodes[node] = attributes;
});
graph.forEachEdge((edge, attributes, source, target) => {
  summary.edges[edge] = {source, target, attributes};
});
process.stdout.write(JSON.stringify(summary));
