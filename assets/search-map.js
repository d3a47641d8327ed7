// The map of the offer search page: drawn from the result list (each hit
// carries data-points, "lat,lon" per place separated by spaces: one marker
// per place), so the list stays the source and works without this script
// or without tiles.
(function () {
  "use strict";
  function init() {
    var el = document.getElementById("search-map");
    if (!el || typeof L === "undefined") {
      return;
    }
    var hits = document.querySelectorAll(".search-hit[data-points]");
    if (!hits.length) {
      return;
    }
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false });
    L.tileLayer(el.dataset.tiles, {
      maxZoom: 19,
      attribution: el.dataset.attribution
    }).addTo(map);
    var bounds = [];
    hits.forEach(function (hit) {
      var title = hit.querySelector("h3 a");
      hit.dataset.points.split(" ").forEach(function (pair) {
        var at = pair.split(",");
        var lat = parseFloat(at[0]);
        var lon = parseFloat(at[1]);
        if (isNaN(lat) || isNaN(lon)) {
          return;
        }
        var marker = L.circleMarker([lat, lon], {
          radius: 8,
          color: "#0b5394",
          weight: 2,
          fillOpacity: 0.6
        }).addTo(map);
        if (title) {
          var link = document.createElement("a");
          link.href = title.getAttribute("href");
          link.textContent = title.textContent;
          marker.bindPopup(link);
        }
        bounds.push([lat, lon]);
      });
    });
    if (bounds.length) {
      map.fitBounds(bounds, { maxZoom: 14, padding: [24, 24] });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
