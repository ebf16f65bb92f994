// The forecast page's charts: actual vs forecast of one SKU, and the region's daily accuracy.
(function () {
  var el = document.getElementById('forecast-chart');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.dataset.chart);
  var chart = echarts.init(el);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: data.dates },
    yAxis: { type: 'value', min: 0 },
    series: [
      { name: el.dataset.actual, type: 'line', data: data.actual, connectNulls: false, symbolSize: 4 },
      { name: el.dataset.linli, type: 'line', data: data.linli, lineStyle: { type: 'solid' }, symbolSize: 4 },
      { name: el.dataset.naive, type: 'line', data: data.naive, lineStyle: { type: 'dashed' }, symbolSize: 3 }
    ]
  });
  var acc = document.getElementById('accuracy-chart');
  if (acc) {
    var accuracy = echarts.init(acc);
    accuracy.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: data.accuracyDates },
      yAxis: { type: 'value', max: 1 },
      series: [
        { name: acc.dataset.linli, type: 'line', data: data.accuracyLinli, symbolSize: 4 },
        { name: acc.dataset.naive, type: 'line', data: data.accuracyNaive, lineStyle: { type: 'dashed' }, symbolSize: 3 }
      ]
    });
  }
  window.addEventListener('resize', function () { chart.resize(); });
  el.dataset.rendered = 'true';
})();
