// The leader's pickup page (核销): a typed six-digit code looks the order up at once; where the
// browser has the BarcodeDetector API, the phone camera reads the resident's QR
// ("LINLI-PICKUP:<code>:<orderNo>") instead. Without it the typed code is the way.
(function () {
  var input = document.getElementById('pickup-code');
  if (!input) { return; }
  var form = document.getElementById('code-form');
  var lookedUp = input.value;

  input.addEventListener('input', function () {
    var value = input.value.replace(/\s/g, '');
    if (/^\d{6}$/.test(value) && value !== lookedUp) {
      lookedUp = value;
      form.submit();
    }
  });
  if (input.value) {
    // after a look-up, a new code replaces the old one as soon as the leader types
    input.select();
  }

  var scanButton = document.getElementById('scan');
  var hint = document.getElementById('scan-hint');
  var scanner = document.getElementById('scanner');
  var video = document.getElementById('scanner-video');
  var closeButton = document.getElementById('scan-close');
  var QR = /^LINLI-PICKUP:\d{6}:/;
  var stream = null;
  var scanning = false;

  if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return; // the hint already says: type the code
  }
  BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf('qr_code') < 0) { return; }
    scanButton.hidden = false;
    hint.hidden = true;
  });

  scanButton.addEventListener('click', function () {
    var detector = new BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        scanner.hidden = false;
        scanning = true;
        return video.play();
      })
      .then(function () { detect(detector); })
      .catch(function () {
        stop();
        hint.hidden = false;
        hint.textContent = form.dataset.cameraError;
      });
  });

  closeButton.addEventListener('click', stop);

  function detect(detector) {
    if (!scanning) { return; }
    detector.detect(video).then(function (codes) {
      for (var i = 0; i < codes.length; i++) {
        if (QR.test(codes[i].rawValue)) {
          stop();
          input.value = codes[i].rawValue;
          lookedUp = input.value;
          form.submit();
          return;
        }
      }
      setTimeout(function () { detect(detector); }, 150);
    }).catch(function () {
      setTimeout(function () { detect(detector); }, 300);
    });
  }

  function stop() {
    scanning = false;
    scanner.hidden = true;
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
  }
})();
