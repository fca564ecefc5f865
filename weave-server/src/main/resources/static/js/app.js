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

// --- UI: records (lists, kanban, record pages) ---
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  // A select marked data-autosubmit applies its form as soon as it changes (the button stays for keyboards).
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (select.matches && select.matches('select[data-autosubmit]') && select.form) {
      select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit();
    }
  });

  // An error as a red toast (text only, never HTML).
  function errorToast(text) {
    var container = document.querySelector('.toast-container');
    if (!container) {
      window.alert(text);
      return;
    }
    var toast = document.createElement('div');
    toast.className = 'toast align-items-center text-bg-danger border-0';
    toast.setAttribute('role', 'alert');
    var body = document.createElement('div');
    body.className = 'toast-body';
    body.textContent = text;
    toast.appendChild(body);
    container.appendChild(toast);
    if (window.bootstrap) {
      window.bootstrap.Toast.getOrCreateInstance(toast, { delay: 6000 }).show();
    } else {
      toast.classList.add('show');
    }
  }

  function updateCounts(board) {
    board.querySelectorAll('.kanban-lane').forEach(function (lane) {
      var count = lane.querySelector('.kanban-count');
      var cards = lane.querySelector('.kanban-cards');
      if (count && cards && /^\d+$/.test(count.textContent.trim())) {
        count.textContent = String(cards.querySelectorAll('.kanban-card').length
          + Number(count.getAttribute('data-hidden') || 0));
      }
    });
  }

  // Kanban: a card dropped on another column saves the column's value with the card's version;
  // a refusal moves the card back and says why.
  function setUpBoard(board) {
    if (!window.Sortable) {
      return;
    }
    board.querySelectorAll('.kanban-lane').forEach(function (lane) {
      var count = lane.querySelector('.kanban-count');
      if (count) {
        count.setAttribute('data-hidden',
          String(Number(count.textContent.trim() || 0) - lane.querySelectorAll('.kanban-card').length));
      }
    });
    board.querySelectorAll('.kanban-cards').forEach(function (column) {
      window.Sortable.create(column, {
        group: 'kanban',
        animation: 150,
        draggable: '.kanban-card',
        onEnd: function (evt) {
          if (evt.from === evt.to) {
            return;
          }
          var card = evt.item;
          var body = new URLSearchParams();
          body.set('field', board.getAttribute('data-field'));
          body.set('value', evt.to.getAttribute('data-value'));
          body.set('version', card.getAttribute('data-version'));
          var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
          if (meta('_csrf_header')) {
            headers[meta('_csrf_header')] = meta('_csrf');
          }
          card.classList.add('kanban-saving');
          fetch('/records/' + encodeURIComponent(board.getAttribute('data-object')) + '/'
              + encodeURIComponent(card.getAttribute('data-id')) + '/move',
            { method: 'POST', headers: headers, body: body.toString(), credentials: 'same-origin' })
            .then(function (response) {
              return response.json().catch(function () { return {}; }).then(function (json) {
                if (!response.ok) {
                  throw new Error(json.message || board.getAttribute('data-error'));
                }
                card.setAttribute('data-version', String(json.version));
                card.classList.remove('kanban-saving');
                updateCounts(board);
              });
            })
            .catch(function (error) {
              card.classList.remove('kanban-saving');
              evt.from.insertBefore(card, evt.from.children[evt.oldIndex] || null);
              errorToast(error.message || board.getAttribute('data-error'));
            });
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.kanban').forEach(setUpBoard);
  });
})();
