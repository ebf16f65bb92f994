// The dashboard's small trend lines: one ECharts line per metric, drawn on load and after each htmx swap.
(function () {
  function draw() {
    if (!window.echarts) { return; }
    document.querySelectorAll('.sparkline:not([data-rendered])').forEach(function (el) {
      var values = JSON.parse(el.dataset.trend || '[]');
      var labels = JSON.parse(el.dataset.labels || '[]');
      var unit = el.dataset.unit;
      var shown = values.map(function (v) {
        if (v == null) { return null; }
        if (unit === 'MONEY_FEN') { return Math.round(v) / 100; }
        if (unit === 'RATIO') { return Math.round(v * 1000) / 10; }
        return Math.round(v * 100) / 100;
      });
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        grid: { left: 2, right: 2, top: 4, bottom: 4 },
        tooltip: { trigger: 'axis', confine: true,
          valueFormatter: function (v) { return v == null ? '—' : (unit === 'RATIO' ? v + '%' : (unit === 'MONEY_FEN' ? '¥' + v : v)); } },
        xAxis: { type: 'category', data: labels, show: false, boundaryGap: false },
        yAxis: { type: 'value', show: false, scale: true },
        series: [{ type: 'line', data: shown, connectNulls: false, symbol: 'circle', symbolSize: 3, showSymbol: true, smooth: true,
          lineStyle: { width: 2, color: '#ff5b1a' }, areaStyle: { opacity: 0.08, color: '#ff5b1a' } }]
      });
      el.dataset.rendered = 'true';
    });
  }
  function resize() {
    document.querySelectorAll('.sparkline[data-rendered]').forEach(function (el) {
      var chart = window.echarts && echarts.getInstanceByDom(el);
      if (chart) { chart.resize(); }
    });
  }
  draw();
  document.addEventListener('DOMContentLoaded', draw);
  document.body.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', resize);
})();
