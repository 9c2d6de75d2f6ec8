/* amity network view: draws the graph data embedded in the page with vis-network.
 *
 * Safety: every string in the data comes from documents and is untrusted. It is read from a
 * <script type="application/json"> block with JSON.parse and only ever reaches the page through
 * textContent, DOM nodes, <option> values and the canvas; never innerHTML or attributes that run.
 * Speed: positions are computed in Python, physics is off, so the first draw is the final one.
 */
(function () {
  "use strict";

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
  var TOOLTIP_EVIDENCE = 3;
  var PANEL_EVIDENCE = 400;

  function showFatal(message) {
    var box = document.getElementById("fatal");
    box.textContent = "The network could not be drawn: " + message;
    box.hidden = false;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
    return node;
  }

  function darker(hex, factor) {
    var n = parseInt(hex.slice(1), 16);
    var r = Math.round(((n >> 16) & 255) * factor), g = Math.round(((n >> 8) & 255) * factor);
    var b = Math.round((n & 255) * factor);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  function lighter(hex, amount) {
    var n = parseInt(hex.slice(1), 16);
    var mix = function (c) { return Math.round(c + (255 - c) * amount); };
    var r = mix((n >> 16) & 255), g = mix((n >> 8) & 255), b = mix(n & 255);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  /* A small picture of a kind's shape, for the legend and the cards. */
  function swatch(kind, size) {
    var s = size || 16, c = s / 2, r = s / 2 - 1.5;
    var svg = svgEl("svg", { width: s, height: s, viewBox: "0 0 " + s + " " + s, "aria-hidden": "true" });
    var style = { fill: kind.color, stroke: darker(kind.color, 0.7), "stroke-width": 1 };
    var shape;
    function polygon(points) {
      return svgEl("polygon", Object.assign({ points: points.map(function (p) { return p.join(","); }).join(" ") }, style));
    }
    switch (kind.shape) {
      case "dot": shape = svgEl("circle", Object.assign({ cx: c, cy: c, r: r }, style)); break;
      case "triangle": shape = polygon([[c, 1], [s - 1, s - 2], [1, s - 2]]); break;
      case "triangleDown": shape = polygon([[1, 2], [s - 1, 2], [c, s - 1]]); break;
      case "square": shape = svgEl("rect", Object.assign({ x: 2, y: 2, width: s - 4, height: s - 4 }, style)); break;
      case "diamond": shape = polygon([[c, 1], [s - 1, c], [c, s - 1], [1, c]]); break;
      case "hexagon": {
        var pts = [];
        for (var i = 0; i < 6; i++) { var a = Math.PI / 3 * i; pts.push([c + r * Math.cos(a), c + r * Math.sin(a)]); }
        shape = polygon(pts); break;
      }
      case "star": {
        var star = [];
        for (var j = 0; j < 10; j++) {
          var rr = j % 2 ? r * 0.45 : r, b = -Math.PI / 2 + Math.PI / 5 * j;
          star.push([c + rr * Math.cos(b), c + rr * Math.sin(b)]);
        }
        shape = polygon(star); break;
      }
      case "ellipse": shape = svgEl("ellipse", Object.assign({ cx: c, cy: c, rx: r, ry: r * 0.62 }, style)); break;
      case "database": {
        var g = svgEl("g", {});
        g.appendChild(svgEl("rect", Object.assign({ x: 2, y: 3, width: s - 4, height: s - 6 }, style)));
        g.appendChild(svgEl("ellipse", Object.assign({ cx: c, cy: 3.5, rx: c - 2, ry: 2 }, style)));
        shape = g; break;
      }
      default: shape = svgEl("rect", Object.assign({ x: 1.5, y: 3, width: s - 3, height: s - 6, rx: 2.5 }, style));
    }
    svg.appendChild(shape);
    return svg;
  }

  function shortLabel(text, kindName) {
    var max = kindName === "country" ? 40 : 34;
    var label = text.length > max ? text.slice(0, max).replace(/\s+\S*$/, "") + "…" : text;
    if (kindName === "country" || label.length <= 18) return label;
    var cut = label.lastIndexOf(" ", Math.ceil(label.length / 2) + 4);
    return cut > 4 ? label.slice(0, cut) + "\n" + label.slice(cut + 1) : label;
  }

  function start() {
    var data = JSON.parse(document.getElementById("amity-data").textContent);
    if (typeof vis === "undefined" || !vis.Network) throw new Error("vis-network is missing");
    var kinds = data.kinds.map(function (k, i) {
      return { index: i, name: k[0], legend: k[1], shape: k[2], color: k[3] };
    });
    var labelInside = { box: true, ellipse: true, database: true, circle: true, text: true };
    var large = data.nodes.length > 1000;
    var container = document.getElementById("network");

    /* --- vis data ---------------------------------------------------------------------- */
    var groups = {};
    kinds.forEach(function (kind) {
      var group = {
        shape: kind.shape,
        color: {
          background: kind.color, border: darker(kind.color, 0.7),
          highlight: { background: lighter(kind.color, 0.25), border: "#0f172a" },
          hover: { background: lighter(kind.color, 0.2), border: darker(kind.color, 0.5) }
        }
      };
      if (labelInside[kind.shape]) {  /* vis merges options: no key may be undefined */
        group.font = { color: "#ffffff", size: 18, face: FONT, strokeWidth: 0 };
        group.margin = { top: 5, bottom: 5, left: 8, right: 8 };
        group.scaling = { label: { drawThreshold: 5, maxVisible: 20 } };  /* hubs: named even zoomed out */
      }
      if (kind.shape === "box") group.shapeProperties = { borderRadius: 10 };
      groups[kind.name] = group;
    });

    var nodeItems = data.nodes.map(function (n, i) {
      var kind = kinds[n.k];
      var item = {
        id: i, label: shortLabel(n.l, kind.name), group: kind.name, x: n.x, y: n.y,
        kind: kind.name, docs: n.D || [], pairs: n.p || []
      };
      if (!labelInside[kind.shape]) item.size = n.s;
      if (kind.name === "country") {
        item.font = { size: Math.round(24 + n.s / 3), face: FONT, color: "#0f172a", strokeWidth: 5, strokeColor: "#ffffff" };
        item.scaling = { label: { drawThreshold: 5, maxVisible: 24 } };
        item.borderWidth = 2;
      }
      return item;
    });
    var relations = data.relations;
    var edgeItems = data.edges.map(function (e, i) {
      var relation = relations[e[2]];
      var item = { id: i, from: e[0], to: e[1], label: e[3] || relation, relation: relation };
      if (relation === "relations") {
        item.color = { color: "#db2777", highlight: "#9d174d", hover: "#be185d" };
        item.dashes = [6, 4];
        item.width = 2;
        item.font = { color: "#9d174d", size: 11, face: FONT, strokeWidth: 3, strokeColor: "#ffffff" };
      } else if (relation === "facts") {
        item.dashes = [2, 4];
      }
      return item;
    });
    var nodes = new vis.DataSet(nodeItems);
    var edges = new vis.DataSet(edgeItems);

    /* --- filters ---------------------------------------------------------------------- */
    var filter = { hidden: new Set(), pair: -1, doc: -1, only: null };
    var visibleIds = new Set();
    function nodeVisible(item) {
      if (filter.only && !filter.only.has(item.id)) return false;
      if (filter.hidden.has(item.kind)) return false;
      if (filter.doc >= 0 && item.docs.indexOf(filter.doc) < 0) return false;
      if (filter.pair >= 0) {
        var pair = data.pairs[filter.pair];
        if (item.kind === "country") return item.id === pair[0] || item.id === pair[1];
        if (item.pairs.indexOf(filter.pair) < 0) return false;
      }
      return true;
    }
    var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
    var edgeView = new vis.DataView(edges, {
      filter: function (item) { return visibleIds.has(item.from) && visibleIds.has(item.to); }
    });
    function collectVisible() {
      visibleIds = new Set(nodeView.getIds());
    }
    collectVisible();
    edgeView.refresh();

    var options = {
      autoResize: true,
      physics: false,
      layout: { improvedLayout: false, randomSeed: 1 },
      groups: groups,
      nodes: {
        borderWidth: 1.5,
        font: { size: 14, face: FONT, color: "#1f2937", strokeWidth: 3, strokeColor: "#ffffff" },
        scaling: { label: { drawThreshold: 8, maxVisible: 20 } }
      },
      edges: {
        smooth: false,
        width: 1,
        selectionWidth: 1.5,
        hoverWidth: 0.8,
        color: { color: "#94a3b8", highlight: "#1e293b", hover: "#475569", opacity: 0.75 },
        font: { size: 10, face: FONT, color: "#64748b", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
        scaling: { label: { drawThreshold: 8 } }
      },
      interaction: {
        hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
        keyboard: false, multiselect: false, navigationButtons: false
      }
    };
    var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

    function markDrawn() {
      document.body.dataset.drawnNodes = String(network.body.nodeIndices.length);
      document.body.dataset.drawnEdges = String(network.body.edgeIndices.length);
    }

    /* --- cards (tooltip and details panel) -------------------------------------------- */
    function evidenceBlock(index) {
      var ev = data.evidence[index];
      var doc = data.docs[ev[0]];
      var box = el("div", "evidence");
      box.appendChild(el("q", null, ev[4]));
      var source = doc[0] + (doc[1] ? " — " + doc[1] : "") + (doc[2] ? " (" + doc[2] + ")" : "");
      box.appendChild(el("cite", null, source + " · characters " + ev[1] + "–" + ev[2] + " · rule " + ev[3]));
      return box;
    }

    function evidenceList(parent, indices, limit, heading) {
      if (!indices || !indices.length) return;
      parent.appendChild(el("h3", null, (heading || "Evidence") + " (" + indices.length + ")"));
      indices.slice(0, limit).forEach(function (i) { parent.appendChild(evidenceBlock(i)); });
      if (indices.length > limit) {
        parent.appendChild(el("p", "more", "+ " + (indices.length - limit) + " more" +
          (limit === TOOLTIP_EVIDENCE ? " — click to see all" : "")));
      }
    }

    function detailList(parent, details) {
      if (!details || !details.length) return;
      var dl = el("dl");
      details.forEach(function (line) {
        dl.appendChild(el("dt", null, line[0]));
        dl.appendChild(el("dd", null, line[1]));
      });
      parent.appendChild(dl);
    }

    function nodeCard(id, full) {
      var n = data.nodes[id], kind = kinds[n.k];
      var limit = full ? PANEL_EVIDENCE : TOOLTIP_EVIDENCE;
      var card = el("div", "card");
      var head = el("div", "card-kind");
      head.appendChild(swatch(kind, 14));
      head.appendChild(el("span", null, kind.legend + (n.t && n.t.toLowerCase() !== kind.legend.toLowerCase() ? " · " + n.t : "")));
      card.appendChild(head);
      card.appendChild(el("div", "card-title", n.l));
      var details = (n.d || []).slice();
      if (n.D && n.D.length) details.push(["documents", n.D.map(function (d) { return data.docs[d][0]; }).join("; ")]);
      detailList(card, details);
      if (n.m && n.m.length) {
        card.appendChild(el("h3", null, "Facts (" + n.m.length + ")"));
        var items = full ? n.m : n.m.slice(0, 6);
        items.forEach(function (item) {
          var box = el("div", "item");
          box.appendChild(el("div", "item-label", kinds[item[0]].legend + ": " + item[1]));
          (item[2] || []).slice(0, full ? PANEL_EVIDENCE : 1).forEach(function (i) { box.appendChild(evidenceBlock(i)); });
          card.appendChild(box);
        });
        if (items.length < n.m.length) card.appendChild(el("p", "more", "+ " + (n.m.length - items.length) + " more — click to see all"));
      } else {
        evidenceList(card, n.e, limit);
      }
      if (full) {
        var only = el("button", "neighbourhood", "Show only this and its neighbours");
        only.type = "button";
        only.addEventListener("click", function () { showNeighbourhood(id); });
        card.appendChild(only);
      }
      return card;
    }

    function edgeCard(id) {
      var e = data.edges[id];
      var card = el("div", "card");
      card.appendChild(el("div", "card-kind", "Relation · " + relations[e[2]]));
      card.appendChild(el("div", "card-title", data.nodes[e[0]].l + " — " + (e[3] || relations[e[2]]) + " — " + data.nodes[e[1]].l));
      detailList(card, e[5]);
      evidenceList(card, e[4], PANEL_EVIDENCE);
      return card;
    }

    var tooltip = document.getElementById("tooltip");
    var details = document.getElementById("details");
    var detailsBody = document.getElementById("details-body");

    function showTooltip(card, pointer) {
      tooltip.replaceChildren(card);
      tooltip.hidden = false;
      var box = container.getBoundingClientRect();
      var x = box.left + pointer.x + 16, y = box.top + pointer.y + 16;
      var w = tooltip.offsetWidth, h = tooltip.offsetHeight;
      if (x + w > window.innerWidth - 8) x = Math.max(8, box.left + pointer.x - w - 16);
      if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
      tooltip.style.left = x + "px";
      tooltip.style.top = y + "px";
    }
    function hideTooltip() { tooltip.hidden = true; tooltip.replaceChildren(); }
    /* The details panel takes its room from the canvas (it does not cover the network). */
    function resized() { network.setSize("100%", "100%"); network.redraw(); }
    function pin(card) {
      detailsBody.replaceChildren(card);
      var opening = details.hidden;
      details.hidden = false;
      details.scrollTop = 0;
      if (opening) resized();
    }
    function unpin() {
      var closing = !details.hidden;
      details.hidden = true;
      detailsBody.replaceChildren();
      if (closing) resized();
    }
    document.getElementById("details-close").addEventListener("click", function () {
      unpin(); network.unselectAll();
    });

    network.on("hoverNode", function (p) { showTooltip(nodeCard(p.node, false), p.pointer.DOM); });
    network.on("blurNode", hideTooltip);
    network.on("hoverEdge", function (p) {
      var e = data.edges[p.edge];
      if ((e[4] && e[4].length) || (e[5] && e[5].length)) showTooltip(edgeCard(p.edge), p.pointer.DOM);
    });
    network.on("blurEdge", hideTooltip);
    network.on("dragStart", hideTooltip);
    container.addEventListener("mouseleave", hideTooltip);
    network.on("zoom", hideTooltip);
    network.on("click", function (p) {
      hideTooltip();
      if (p.nodes.length) pin(nodeCard(p.nodes[0], true));
      else if (p.edges.length) pin(edgeCard(p.edges[0]));
      else unpin();
    });

    /* --- legend (doubles as the kind filter) ------------------------------------------ */
    var counts = kinds.map(function () { return 0; });
    data.nodes.forEach(function (n) { counts[n.k] += 1; });
    var legend = document.getElementById("legend");
    kinds.forEach(function (kind) {
      if (!counts[kind.index]) return;
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = kind.name;
      box.dataset.kind = kind.name;
      box.addEventListener("change", function () {
        if (box.checked) filter.hidden.delete(kind.name); else filter.hidden.add(kind.name);
        applyFilters(false);
      });
      label.appendChild(box);
      label.appendChild(swatch(kind, 16));
      label.appendChild(el("span", null, kind.legend));
      label.appendChild(el("span", "count", counts[kind.index]));
      li.appendChild(label);
      legend.appendChild(li);
    });
    var relationCounts = {};
    data.edges.forEach(function (e) { relationCounts[relations[e[2]]] = (relationCounts[relations[e[2]]] || 0) + 1; });
    var used = relations.filter(function (r) { return relationCounts[r]; });
    if (used.length) legend.appendChild(el("li", "edge-key", "Edges: " + used.join(" · ")));

    /* --- pair and document filters ---------------------------------------------------- */
    function option(select, value, text) {
      var o = el("option", null, text);
      o.value = String(value);
      select.appendChild(o);
    }
    var pairSelect = document.getElementById("pair-filter");
    option(pairSelect, -1, "All pairs (" + data.pairs.length + ")");
    data.pairs.map(function (p, i) { return [i, p]; })
      .sort(function (a, b) { return b[1][2] - a[1][2] || data.nodes[a[1][0]].l.localeCompare(data.nodes[b[1][0]].l); })
      .forEach(function (entry) {
        var p = entry[1];
        option(pairSelect, entry[0], data.nodes[p[0]].l + " – " + data.nodes[p[1]].l + " (" + p[2] + ")");
      });
    pairSelect.addEventListener("change", function () { filter.pair = Number(pairSelect.value); applyFilters(true); });
    var docSelect = document.getElementById("doc-filter");
    option(docSelect, -1, "All documents (" + data.docs.length + ")");
    data.docs.forEach(function (d, i) { option(docSelect, i, d[0] + (d[1] ? " — " + d[1] : "")); });
    docSelect.addEventListener("change", function () { filter.doc = Number(docSelect.value); applyFilters(true); });

    var neighbours = data.nodes.map(function () { return []; });
    data.edges.forEach(function (e) { neighbours[e[0]].push(e[1]); neighbours[e[1]].push(e[0]); });
    function showNeighbourhood(id) {
      resetFilters();
      filter.only = new Set([id].concat(neighbours[id]));
      applyFilters(true);
      network.selectNodes([id]);
    }

    function resetFilters() {
      filter.hidden.clear();
      filter.pair = -1;
      filter.doc = -1;
      filter.only = null;
      pairSelect.value = "-1";
      docSelect.value = "-1";
      legend.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = true; });
    }
    document.getElementById("reset").addEventListener("click", function () { resetFilters(); applyFilters(true); });

    var summary = document.getElementById("summary");
    function describe() {
      var shown = nodeView.length;
      summary.textContent = (shown === data.nodes.length ? shown + " nodes" : shown + " of " + data.nodes.length + " nodes") +
        ", " + data.docs.length + (data.docs.length === 1 ? " document" : " documents") +
        (data.grouped ? " · facts grouped per pair" : "");
    }
    function applyFilters(refit) {
      hideTooltip();
      nodeView.refresh();
      collectVisible();
      edgeView.refresh();
      markDrawn();
      describe();
      if (refit && visibleIds.size) network.fit({ nodes: Array.from(visibleIds), animation: false });
    }

    /* --- search ---------------------------------------------------------------------- */
    var datalist = document.getElementById("search-names");
    var seen = new Set();
    data.nodes.forEach(function (n) {
      [n.l].concat(n.a || []).forEach(function (name) {
        if (seen.has(name) || seen.size >= 20000) return;
        seen.add(name);
        var o = document.createElement("option");
        o.value = name;
        datalist.appendChild(o);
      });
    });
    var searchBox = document.getElementById("search");
    var searchStatus = document.getElementById("search-status");
    var lastQuery = null, lastMatches = [], lastIndex = 0;

    function matches(query) {
      var q = query.trim().toLowerCase();
      if (!q) return [];
      var ranked = [];
      data.nodes.forEach(function (n, id) {
        var label = n.l.toLowerCase(), aliases = (n.a || []).map(function (a) { return a.toLowerCase(); });
        var rank = label === q ? 0 : aliases.indexOf(q) >= 0 ? 1 : label.indexOf(q) === 0 ? 2 :
          label.indexOf(q) > 0 ? 3 : aliases.some(function (a) { return a.indexOf(q) >= 0; }) ? 4 : -1;
        if (rank >= 0) ranked.push([rank, kinds[n.k].name === "country" ? 0 : 1, n.l.length, id]);
      });
      ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
      return ranked.map(function (r) { return r[3]; });
    }

    function focusNode(id) {
      var note = "";
      if (!visibleIds.has(id)) { resetFilters(); applyFilters(false); note = " (filters cleared to show it)"; }
      pin(nodeCard(id, true));  /* first: opening the panel resizes the canvas */
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(1.1, network.getScale()), animation: { duration: 250, easingFunction: "easeInOutQuad" } });
      return note;
    }

    function search() {
      var query = searchBox.value;
      if (query !== lastQuery) { lastQuery = query; lastMatches = matches(query); lastIndex = 0; }
      else if (lastMatches.length) lastIndex = (lastIndex + 1) % lastMatches.length;
      if (!lastMatches.length) { searchStatus.textContent = query.trim() ? "Nothing found." : ""; return; }
      var id = lastMatches[lastIndex];
      var note = focusNode(id);
      searchStatus.textContent = data.nodes[id].l + " — " + (lastIndex + 1) + " of " + lastMatches.length +
        (lastMatches.length > 1 ? " (Enter for the next)" : "") + note;
    }
    searchBox.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); search(); } });
    document.getElementById("search-go").addEventListener("click", search);

    /* --- ready ------------------------------------------------------------------------ */
    network.once("afterDrawing", function () {
      markDrawn();
      document.body.dataset.ready = "true";
      window.amityReady = true;
    });
    describe();
    if (!data.nodes.length) {
      var notice = document.getElementById("notice");
      notice.textContent = "This graph has no actors or facts to draw.";
      notice.hidden = false;
    }
    /* Open on the connected part: actors mentioned in no fact sit in rows below, out of the way. */
    function fitLinked() {
      var linked = nodeView.getIds().filter(function (id) { return network.getConnectedNodes(id).length > 0; });
      network.fit(linked.length ? { nodes: linked, animation: false } : { animation: false });
    }
    fitLinked();
    if (data.focus !== null && data.focus !== undefined) {
      network.selectNodes([data.focus]);
      pin(nodeCard(data.focus, true));
    }
    window.amityNetwork = network;
    window.amity = {
      data: data, network: network, nodes: nodeView, edges: edgeView, search: matches, focus: focusNode,
      applyFilters: applyFilters, filter: filter, fit: fitLinked
    };
  }

  try {
    start();
  } catch (error) {
    showFatal(error && error.message ? error.message : String(error));
    throw error;
  }
})();
