// The product form's SKU rows: add a row from the <template>, remove an unsaved row, and keep the
// indices of skus[i].field contiguous so Spring binds every row.
(function () {
  var rows = document.getElementById('sku-rows');
  var template = document.getElementById('sku-row-template');
  var add = document.getElementById('sku-add');
  if (!rows || !template || !add) { return; }

  function renumber() {
    Array.prototype.forEach.call(rows.querySelectorAll('tr.sku-row'), function (row, i) {
      Array.prototype.forEach.call(row.querySelectorAll('[name]'), function (el) {
        el.name = el.name.replace(/skus\[(\d+|__i__)\]/, 'skus[' + i + ']');
        if (el.id) { el.id = el.id.replace(/skus(\d+|__i__)\./, 'skus' + i + '.'); }
      });
    });
  }

  add.addEventListener('click', function () {
    var count = rows.querySelectorAll('tr.sku-row').length;
    if (count >= 20) { return; }
    rows.appendChild(template.content.cloneNode(true));
    renumber();
    var last = rows.querySelectorAll('tr.sku-row')[count];
    if (last) { last.querySelector('input').focus(); }
  });

  rows.addEventListener('click', function (e) {
    var button = e.target.closest('.sku-remove');
    if (!button) { return; }
    if (rows.querySelectorAll('tr.sku-row').length <= 1) { return; }
    button.closest('tr').remove();
    renumber();
  });
})();
