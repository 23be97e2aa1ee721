// The map of provinces on the dashboard. Its data is the table beside it (data-code, data-verified on each row), so
// the page says the same thing to a screen reader, to a keyboard and to the eye; a province on the map opens its
// own dashboard as its row's link does.
(function () {
  'use strict';
  function start() {
    var box = document.getElementById('province-map');
    if (!box || typeof echarts === 'undefined') {
      return;
    }
    var rows = document.querySelectorAll('#province-table tbody tr');
    var data = [];
    rows.forEach(function (row) {
      data.push({ name: row.dataset.code, value: Number(row.dataset.verified), label: row.dataset.name });
    });
    var names = {};
    data.forEach(function (d) { names[d.name] = d.label; });
    fetch(box.dataset.shapes, { credentials: 'same-origin' }).then(function (answer) {
      if (!answer.ok) {
        throw new Error('the map of provinces answered ' + answer.status);
      }
      return answer.json();
    }).then(function (shapes) {
      // provinces are keyed by their DOPA code; ECharts ignores the rings' winding (d3-geo would need them reversed)
      shapes.features.forEach(function (f) { f.properties.name = f.properties.code; });
      echarts.registerMap('thailand', shapes);
      var chart = echarts.init(box, null, { renderer: 'canvas' });
      var th = box.dataset.lang === 'th';
      chart.setOption({
        aria: { enabled: false },
        tooltip: {
          trigger: 'item',
          formatter: function (p) {
            var shape = shapes.features.find(function (f) { return f.properties.code === p.name; });
            var label = names[p.name] || (shape ? (th ? shape.properties.name_th : shape.properties.name_en) : p.name);
            // the tooltip is HTML: a name is text, never markup
            return echarts.format.encodeHTML(label) + (isNaN(p.value) ? '' : ': ' + p.value.toFixed(1) + '%');
          }
        },
        visualMap: {
          min: 0, max: 100, left: 'left', bottom: 10, calculable: false, text: ['100%', '0%'],
          inRange: { color: ['#b3261e', '#f2b705', '#1e8e3e'] }, outOfRange: { color: '#d0d4d8' }
        },
        series: [{
          type: 'map', map: 'thailand', roam: false, selectedMode: false,
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#d0d4d8' },
          emphasis: { label: { show: false }, itemStyle: { borderColor: '#1a1a1a', borderWidth: 1.5 } },
          data: data
        }]
      });
      chart.on('click', function (p) {
        if (names[p.name] !== undefined) {
          window.location.assign('/provinces/' + encodeURIComponent(p.name));
        }
      });
      box.dataset.rendered = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    }).catch(function (e) {
      box.dataset.rendered = 'failed';
      box.textContent = e.message;
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
