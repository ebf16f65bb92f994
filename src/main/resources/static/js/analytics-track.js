// The analytics pages' charts (issue 16): the funnel with its largest drop in red, the community scatter
// (penetration against average order value) and a product's units by month or week.
(function () {
  if (!window.echarts) { return; }
  var funnel = document.getElementById('funnel-chart');
  if (funnel) {
    var steps = JSON.parse(funnel.dataset.chart);
    echarts.init(funnel).setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}  {c}' },
        data: steps.map(function (s) {
          return { name: s.name, value: s.value, itemStyle: s.drop ? { color: '#dc2626' } : undefined };
        })
      }]
    });
  }
  var scatter = document.getElementById('community-scatter');
  if (scatter) {
    var points = JSON.parse(scatter.dataset.chart);
    echarts.init(scatter).setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.data[2] + '<br>' + scatter.dataset.x + ': ' + (p.data[0] * 100).toFixed(1) + '%<br>'
          + scatter.dataset.y + ': ¥' + p.data[1].toFixed(2);
      } },
      grid: { left: 64, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'value', name: scatter.dataset.x, nameLocation: 'middle', nameGap: 28,
        axisLabel: { formatter: function (v) { return (v * 100).toFixed(0) + '%'; } } },
      yAxis: { type: 'value', name: scatter.dataset.y },
      series: [{ type: 'scatter', symbolSize: 12, data: points.map(function (p) { return [p.penetration, p.aovYuan, p.name]; }) }]
    });
  }
  var season = document.getElementById('seasonality-chart');
  if (season) {
    var buckets = JSON.parse(season.dataset.chart);
    echarts.init(season).setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: buckets.map(function (b) { return b.start; }) },
      yAxis: { type: 'value', min: 0 },
      series: [{ type: 'bar', name: season.dataset.units, data: buckets.map(function (b) { return b.units; }) }]
    });
  }
})();
