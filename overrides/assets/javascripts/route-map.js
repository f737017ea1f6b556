/* The route page's interactive map (hooks/route_map.py, Leaflet vendored by
   scripts/vendor_map.py). Everything it shows comes from the page: the stops
   and their links from the list of the `.op-route-map` element (the map's text
   equivalent), the backdrop from the site's own file, the words from the
   element's data attributes (the reader's language). No request leaves the
   site until the reader presses "show the detailed map"; the choice is kept in
   this browser (localStorage). Without this script, the map drawn at build
   stays in place. */
(function () {
  "use strict";

  var STORED = "op-route-map-detailed";
  // A marker's size, and the least distance between two markers' centres, in pixels:
  // every marker stays a target of its own (WCAG 2.5.8), however close the places.
  var SIZE = 28;
  var APART = SIZE + 4;
  var root = document.querySelector(".op-route-map");
  if (!root || !window.L) return;
  var data = root.dataset;
  var canvas = root.querySelector(".op-route-map__canvas");
  var toggle = root.querySelector(".op-route-map__toggle");
  var rtl = document.documentElement.dir === "rtl";

  // The stops as the list gives them: number, position, link and name.
  var stops = Array.prototype.map.call(root.querySelectorAll(".op-route-map__stop"), function (item) {
    var link = item.querySelector("a");
    return {
      number: item.dataset.route, lat: parseFloat(item.dataset.lat), lon: parseFloat(item.dataset.lon),
      href: link.getAttribute("href"), name: link.textContent
    };
  });
  if (!stops.length) return;

  canvas.hidden = false;
  canvas.setAttribute("aria-label", data.label);
  canvas.setAttribute("role", "region");
  root.classList.add("op-route-map--live");

  var map = L.map(canvas, {
    zoomControl: false, attributionControl: false, keyboard: true,
    maxZoom: Number(data.backdropMaxZoom), zoomSnap: 0.25
  });
  // The controls sit at the end of the reading direction: right, or left in Arabic.
  L.control.zoom({
    position: rtl ? "topleft" : "topright", zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut,
    zoomInText: "+", zoomOutText: "\u2212"
  }).addTo(map);
  var credits = L.control.attribution({ position: rtl ? "bottomleft" : "bottomright", prefix: false }).addTo(map);
  credits.addAttribution(data.backdropCredit);
  // The credits read below the map, not over it: at 200 % text they would cover the markers.
  var creditsBox = credits.getContainer();
  creditsBox.classList.add("op-route-map__credits");
  canvas.parentNode.insertBefore(creditsBox, canvas.nextSibling);

  var points = stops.map(function (stop) { return [stop.lat, stop.lon]; });
  map.fitBounds(L.latLngBounds(points), { padding: [24, 24] });
  L.polyline(points, { color: "#5e4287", weight: 3, dashArray: "8 5", interactive: false }).addTo(map);

  // Markers are the list's links, numbered: Tab reaches them in route order, Enter opens the place.
  var markers = stops.map(function (stop) {
    var link = document.createElement("a");
    link.href = stop.href;
    link.textContent = stop.number;
    link.setAttribute("aria-label", stop.number + ". " + stop.name);
    link.title = stop.name;
    var icon = L.divIcon({ className: "op-marker", html: link.outerHTML, iconSize: [SIZE, SIZE], iconAnchor: [SIZE / 2, SIZE / 2] });
    return L.marker([stop.lat, stop.lon], { icon: icon, keyboard: false, interactive: false, title: "" }).addTo(map);
  });
  map.on("zoomend", spread);
  spread();

  // Places closer than a marker at this zoom (the Vieux-Port and the MuCEM) are pushed
  // apart, each along the line between them and by as little as it takes, so that
  // their order on the ground is kept; zoomed in, every marker sits on its place.
  function spread() {
    var points = markers.map(function (marker) { return map.latLngToLayerPoint(marker.getLatLng()); });
    var where = points.map(function (point) { return point.clone(); });
    for (var round = 0; round < 200 && pushApart(where); round += 1) { /* until no two overlap */ }
    markers.forEach(function (marker, index) {
      var link = marker.getElement() && marker.getElement().firstChild;
      var offset = where[index].subtract(points[index]).round();
      if (link) link.style.transform = offset.x || offset.y ? "translate(" + offset.x + "px," + offset.y + "px)" : "";
    });
  }
  // One round: every two markers closer than APART move away from each other. True if any moved.
  function pushApart(where) {
    var moved = false;
    for (var i = 0; i < where.length; i += 1) {
      for (var j = i + 1; j < where.length; j += 1) {
        var between = where[j].subtract(where[i]);
        var distance = between.distanceTo(L.point(0, 0));
        if (distance >= APART) continue;
        var direction = distance > 0 ? between.divideBy(distance) : L.point(1, 0);
        var push = direction.multiplyBy((APART - distance) / 2 + 0.5);
        where[i] = where[i].subtract(push);
        where[j] = where[j].add(push);
        moved = true;
      }
    }
    return moved;
  }

  // The light backdrop: the site's own land polygons, under the path and the markers.
  fetch(data.backdrop).then(function (response) { return response.json(); }).then(function (land) {
    L.geoJSON(land, {
      interactive: false,
      style: { color: "#b9c9cf", weight: 1, fillColor: "#f7f1e6", fillOpacity: 1 }
    }).addTo(map).bringToBack();
  });

  // The detailed map: offered with its notice, loaded only on the reader's request.
  var tiles = null;
  function detailed(on) {
    if (on && !tiles) {
      tiles = L.tileLayer(data.tiles, { maxZoom: Number(data.tilesMaxZoom), attribution: data.tilesCredit }).addTo(map);
      map.setMaxZoom(Number(data.tilesMaxZoom));
    } else if (!on && tiles) {
      map.removeLayer(tiles);
      tiles = null;
      map.setMaxZoom(Number(data.backdropMaxZoom));
    }
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    toggle.textContent = on ? data.hide : data.show;
    try { window.localStorage.setItem(STORED, on ? "yes" : "no"); } catch (error) { /* storage refused: the choice lasts this visit */ }
  }
  root.querySelector(".op-route-map__detailed").hidden = false;
  toggle.addEventListener("click", function () { detailed(!tiles); });
  var remembered = null;
  try { remembered = window.localStorage.getItem(STORED); } catch (error) { remembered = null; }
  if (remembered === "yes") detailed(true);
})();
