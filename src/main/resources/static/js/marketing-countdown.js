// Live countdowns of flash sales and group-buy teams, counted by the SERVER's time: the page carries the
// server's now (data-server-now, epoch ms) and the offset to this phone's clock is taken once at load, so a
// phone whose clock is wrong still opens the sale on time. An element with data-countdown counts to
// data-starts (if ahead) and then to data-ends; its data-phase says upcoming / running / over.
(function () {
  if (window.linliCountdown) { return; }
  window.linliCountdown = true;
  var offset = null;
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  function format(s, day) {
    var d = Math.floor(s / 86400);
    return (d > 0 ? d + day + ' ' : '') + pad(Math.floor(s / 3600) % 24) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
  }
  function tick() {
    if (offset === null) {
      var root = document.querySelector('[data-server-now]');
      if (!root) { return; }
      offset = Number(root.getAttribute('data-server-now')) - Date.now();
    }
    var t = Date.now() + offset;
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      var starts = Number(el.getAttribute('data-starts') || 0);
      var ends = Number(el.getAttribute('data-ends'));
      var label, left, phase;
      if (starts && t < starts) { phase = 'upcoming'; label = el.getAttribute('data-label-starts'); left = starts - t; }
      else if (t < ends) { phase = 'running'; label = el.getAttribute('data-label-ends'); left = ends - t; }
      else { phase = 'over'; }
      el.setAttribute('data-phase', phase);
      el.textContent = phase === 'over' ? el.getAttribute('data-label-over')
        : label + ' ' + format(Math.ceil(left / 1000), el.getAttribute('data-day') || 'd');
    });
  }
  tick();
  setInterval(tick, 250);
})();
