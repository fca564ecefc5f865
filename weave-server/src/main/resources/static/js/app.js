// Weave CRM page behaviour. No inline scripts (CSP script-src 'self'): every hook is a data attribute.
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // Forms that destroy something ask first.
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener('click', function (event) {
    // Copy a secret to the clipboard.
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var input = document.querySelector(copy.getAttribute('data-copy'));
      if (input) {
        var done = function () {
          var label = copy.querySelector('span');
          if (label && copy.getAttribute('data-copied')) {
            label.textContent = copy.getAttribute('data-copied');
          }
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done);
        } else {
          input.select();
          document.execCommand('copy');
          done();
        }
      }
      return;
    }
    // Add a row from a <template>.
    var add = event.target.closest('[data-add-row]');
    if (add) {
      var body = document.querySelector(add.getAttribute('data-add-row'));
      var template = document.querySelector(add.getAttribute('data-template'));
      if (body && template) {
        body.querySelectorAll('.empty-rules').forEach(function (row) { row.remove(); });
        body.appendChild(template.content.cloneNode(true));
        var first = body.lastElementChild && body.lastElementChild.querySelector('input');
        if (first) { first.focus(); }
      }
      return;
    }
    // Remove the row a button sits in.
    var remove = event.target.closest('[data-remove-row]');
    if (remove) {
      var row = remove.closest('tr');
      if (row) { row.remove(); }
    }
  });

  // A select with an "other" choice shows its free-text input only when "other" is chosen.
  function toggleCustom(select) {
    var target = document.querySelector(select.getAttribute('data-custom-toggle'));
    if (target) {
      target.hidden = select.value !== 'other';
    }
  }
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-custom-toggle]')) {
      toggleCustom(event.target);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-custom-toggle]').forEach(toggleCustom);
    // Show the success toast once, then drop ?toast= so a reload does not repeat it.
    document.querySelectorAll('.toast').forEach(function (el) {
      if (window.bootstrap) {
        window.bootstrap.Toast.getOrCreateInstance(el).show();
      } else {
        el.classList.add('show');
      }
    });
    if (window.history && window.URL && location.search.indexOf('toast=') >= 0) {
      var url = new URL(location.href);
      url.searchParams.delete('toast');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    }
  });
})();
