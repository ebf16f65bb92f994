// Analytics pages (issue 16 rfm): the segments' trend lines and the cohort retention heat-map.
(function () {
  if (!window.echarts) { return; }
  var trend = document.getElementById('segment-trend');
  if (trend) {
    var t = JSON.parse(trend.dataset.chart);
    echarts.init(trend).setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: t.days },
      yAxis: { type: 'value', min: 0 },
      series: t.series.map(function (s) { return { name: s.name, type: 'line', data: s.data, symbolSize: 4 }; })
    });
  }
  var heat = document.getElementById('cohort-heatmap');
  if (heat) {
    var c = JSON.parse(heat.dataset.chart);
    echarts.init(heat).setOption({
      animation: false,
      tooltip: { position: 'top', formatter: function (p) { return c.weeks[p.value[1]] + ' ' + c.offsets[p.value[0]] + ': ' + p.value[2] + '%'; } },
      grid: { left: 160, right: 24, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: c.offsets, splitArea: { show: true } },
      yAxis: { type: 'category', data: c.weeks, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [{ type: 'heatmap', data: c.cells, label: { show: true, formatter: function (p) { return p.value[2] + '%'; } } }]
    });
  }
})();
