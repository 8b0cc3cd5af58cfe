// kg report: draws the network (vis-network, inlined before this script) and makes the
// company-initiative table sortable (click a header) and searchable (the search box).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-network").textContent);
  var network = new vis.Network(document.getElementById("network"), {
    nodes: new vis.DataSet(data.nodes),
    edges: new vis.DataSet(data.edges)
  }, {
    nodes: { shape: "dot", font: { size: 14 },
             scaling: { min: 6, max: 36, label: { enabled: true, min: 10, max: 30, drawThreshold: 7 } } },
    edges: { color: { color: "#BBBBBB", highlight: "#555555" }, smooth: false, width: 0.6 },
    physics: { solver: "forceAtlas2Based", stabilization: { iterations: 400 } },
    interaction: { hover: true, tooltipDelay: 100 }
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
  });
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-network", "drawn");
  });

  var table = document.getElementById("links");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById("shown");
  function count() {
    var visible = rows.filter(function (row) { return row.style.display !== "none"; }).length;
    shown.textContent = visible + " of " + rows.length + " rows";
  }
  document.getElementById("search").addEventListener("input", function (event) {
    var needle = event.target.value.trim().toLowerCase();
    rows.forEach(function (row) {
      row.style.display = row.textContent.toLowerCase().indexOf(needle) >= 0 ? "" : "none";
    });
    count();
  });
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
    var ascending = true;
    cell.addEventListener("click", function () {
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
        return ascending ? order : -order;
      });
      ascending = !ascending;
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  count();
})();
