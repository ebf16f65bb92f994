// The forecast page's charts: actual vs forecast of one SKU, and the region's daily accuracy.
(function () {
  var el = document.getElementById('forecast-chart');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.dataset.chart);
  var chart = echarts.init(el);
  // the band from the median to the 0.95 quantile: an invisible base at the median, the width stacked on it
  var base = (data.p50 || []).map(function (v) { return v; });
  var width = (data.p95 || []).map(function (v, i) { return v == null || base[i] == null ? null : Math.round((v - base[i]) * 10) / 10; });
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
      { name: el.dataset.naive, type: 'line', data: data.naive, lineStyle: { type: 'dashed' }, symbolSize: 3 },
      { name: 'band-base', type: 'line', data: base, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none',
        tooltip: { show: false } },
      { name: el.dataset.band, type: 'line', data: width, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none',
        areaStyle: { opacity: 0.25 }, color: '#5470c6', tooltip: { show: false } },
      { name: el.dataset.p80, type: 'line', data: data.p80, lineStyle: { type: 'dotted' }, symbolSize: 3 },
      // the 0.95 quantile itself, for the tooltip (the band's stacked series holds its width)
      { name: el.dataset.p95, type: 'line', data: data.p95, lineStyle: { opacity: 0 }, symbol: 'none' }
    ]
  });
  // the legend names what is drawn (the band's invisible base is no series of its own)
  chart.setOption({ legend: { top: 0, data: [el.dataset.actual, el.dataset.linli, el.dataset.naive, el.dataset.band, el.dataset.p80] } });
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
