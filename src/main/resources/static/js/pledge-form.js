// Enhances the pledge form. Instalment rows: the page without script offers a few empty rows; with
// script only the rows in use show, "Add an instalment" shows (or makes) one more, and "Remove" empties
// a row and hides it. An empty row is not sent as an instalment, so removing is emptying.
(function () {
  'use strict';
  // a form sent back with errors: take the donor to the list of them, which links to each field
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  var fieldset = document.getElementById('instalments');
  var add = document.getElementById('add-instalment');
  if (!fieldset || !add) {
    return;
  }

  function rows() {
    return Array.prototype.slice.call(fieldset.querySelectorAll('.instalment'));
  }

  function isEmpty(row) {
    return Array.prototype.every.call(row.querySelectorAll('input'), function (input) {
      return input.value.trim() === '';
    });
  }

  function hasError(row) {
    return row.querySelector('.field-error') !== null;
  }

  function wire(row) {
    var remove = row.querySelector('button.remove');
    remove.hidden = false;
    remove.addEventListener('click', function () {
      row.querySelectorAll('input').forEach(function (input) {
        input.value = '';
      });
      var visible = rows().filter(function (r) {
        return !r.hidden;
      });
      if (visible.length > 1) {
        row.hidden = true;
      }
      add.focus();
    });
  }

  // a copy of the last row with the next number, for donors who pay in more instalments than offered
  function newRow() {
    var last = rows()[rows().length - 1];
    var index = Number(last.getAttribute('data-row')) + 1;
    var row = last.cloneNode(true);
    row.setAttribute('data-row', String(index));
    row.querySelectorAll('.field-error').forEach(function (error) {
      error.remove();
    });
    row.querySelectorAll('input').forEach(function (input) {
      input.value = '';
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
      input.name = input.name.replace(/\[\d+\]/, '[' + index + ']');
      input.id = input.id.replace(/instalment-\d+/, 'instalment-' + (index + 1));
    });
    row.querySelectorAll('label').forEach(function (label) {
      label.htmlFor = label.htmlFor.replace(/instalment-\d+/, 'instalment-' + (index + 1));
      label.textContent = label.textContent.replace(/\d+/, String(index + 1));
    });
    var remove = row.querySelector('button.remove');
    var fresh = remove.cloneNode(false);
    fresh.textContent = 'Remove instalment ' + (index + 1);
    remove.replaceWith(fresh);
    last.after(row);
    wire(row);
    return row;
  }

  var shown = 0;
  rows().forEach(function (row, i) {
    wire(row);
    var keep = !isEmpty(row) || hasError(row);
    if (keep) {
      shown++;
    }
    row.hidden = !keep;
  });
  if (shown === 0) {
    rows()[0].hidden = false;
  }

  add.hidden = false;
  add.addEventListener('click', function () {
    var hidden = rows().filter(function (row) {
      return row.hidden;
    });
    var row = hidden.length > 0 ? hidden[0] : newRow();
    row.hidden = false;
    row.querySelector('input').focus();
  });
}());
