// The leader's pickup page (核销): a typed six-digit code looks the order up at once; the phone camera
// reads the resident's QR ("LINLI-PICKUP:<code>:<orderNo>") instead. Frames are decoded by the
// browser's BarcodeDetector where it has one, else by ZXing in JavaScript (html5-qrcode, loaded from
// its webjar only then: iPhones and WeChat have no BarcodeDetector). Without a camera the typed code
// is the way. window.linliPickupScanner exposes decode(canvas) and found(text) for tests.
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
  var MAX_FRAME = 640;
  var stream = null;
  var scanning = false;
  var frame = document.createElement('canvas');

  var api = window.linliPickupScanner = { ready: false, decode: null, found: found };

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return; // no camera (or not a secure page): the hint already says to type the code
  }
  decoder().then(function (decode) {
    api.decode = decode;
    api.ready = true;
    scanButton.hidden = false;
    hint.hidden = true;
  }).catch(function () { /* no decoder: the hint stays, the code is typed */ });

  /** A function canvas -> Promise of the QR's text (or null): the browser's detector, else ZXing in JavaScript. */
  function decoder() {
    if ('BarcodeDetector' in window) {
      return BarcodeDetector.getSupportedFormats().then(function (formats) {
        if (formats.indexOf('qr_code') < 0) { return javascriptDecoder(); }
        var detector = new BarcodeDetector({ formats: ['qr_code'] });
        return function (canvas) {
          return detector.detect(canvas).then(function (codes) {
            for (var i = 0; i < codes.length; i++) {
              if (QR.test(codes[i].rawValue)) { return codes[i].rawValue; }
            }
            return codes.length ? codes[0].rawValue : null;
          });
        };
      }, javascriptDecoder);
    }
    return javascriptDecoder();
  }

  function javascriptDecoder() {
    return load(form.dataset.decoder).then(function () {
      var reader = new window.__Html5QrcodeLibrary__.Html5Qrcode('qr-decoder', false);
      return function (canvas) {
        return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/png'); })
          .then(function (blob) { return reader.scanFile(new File([blob], 'frame.png', { type: 'image/png' }), false); })
          .catch(function () { return null; }); // nothing readable in this frame
      };
    });
  }

  function load(src) {
    return new Promise(function (resolve, reject) {
      if (window.__Html5QrcodeLibrary__) { resolve(); return; }
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  scanButton.addEventListener('click', function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        scanner.hidden = false;
        scanning = true;
        return video.play();
      })
      .then(scan)
      .catch(function () {
        stop();
        hint.hidden = false;
        hint.textContent = form.dataset.cameraError;
      });
  });

  closeButton.addEventListener('click', stop);

  /** The middle square of the camera frame (where the aiming frame is), at most MAX_FRAME pixels wide. */
  function grab() {
    var w = video.videoWidth, h = video.videoHeight;
    if (!w || !h) { return null; }
    var side = Math.min(w, h);
    var size = Math.min(side, MAX_FRAME);
    frame.width = size;
    frame.height = size;
    frame.getContext('2d').drawImage(video, (w - side) / 2, (h - side) / 2, side, side, 0, 0, size, size);
    return frame;
  }

  function scan() {
    if (!scanning) { return; }
    var canvas = grab();
    if (!canvas) { setTimeout(scan, 150); return; }
    api.decode(canvas).then(function (text) {
      if (text && QR.test(text)) {
        found(text);
      }
      else {
        setTimeout(scan, 200);
      }
    }, function () { setTimeout(scan, 300); });
  }

  /** What the camera read: looked up as a typed code would be. */
  function found(text) {
    stop();
    input.value = text;
    lookedUp = text;
    form.submit();
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
