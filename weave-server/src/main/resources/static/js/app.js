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

// --- UI: object manager (field editor rows and type settings, form-layout designer) ---
(function () {
  'use strict';

  // A fresh index for a row or section cloned from a <template>: its inputs are named or ided with NEWINDEX.
  function cloneIndexed(container, template) {
    var next = parseInt(container.getAttribute('data-next') || '0', 10);
    container.setAttribute('data-next', String(next + 1));
    var html = template.innerHTML.replace(/NEWINDEX/g, String(next));
    var holder = document.createElement(template.content.firstElementChild.tagName === 'TR' ? 'tbody' : 'div');
    holder.innerHTML = html.trim();
    var element = holder.firstElementChild;
    container.appendChild(element);
    return element;
  }

  // The field editor shows the inputs of the chosen type only ([data-types] lists the types).
  function showTypeSettings(select) {
    var form = document.querySelector(select.getAttribute('data-field-type'));
    if (!form) { return; }
    form.querySelectorAll('[data-types]').forEach(function (el) {
      el.hidden = el.getAttribute('data-types').split(' ').indexOf(select.value) < 0;
    });
  }

  // The layout designer: every field list in page order (sections, then the palette).
  function fieldLists(form) {
    return Array.prototype.slice.call(form.querySelectorAll('[data-layout-fields]'));
  }

  function palette(form) {
    var lists = fieldLists(form);
    return lists[lists.length - 1];
  }

  function makeSortable(list) {
    if (window.Sortable && !list.sortable) {
      list.sortable = window.Sortable.create(list, {
        group: 'layout-fields', animation: 150, filter: 'button', preventOnFilter: false
      });
    }
  }

  // Up/down move a field within its list; past either end it moves into the previous or next list.
  function moveField(button) {
    var item = button.closest('[data-field]');
    var form = button.closest('[data-layout-form]');
    var list = item.parentElement;
    var lists = fieldLists(form);
    var at = lists.indexOf(list);
    if (button.getAttribute('data-move') === 'up') {
      if (item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      } else if (at > 0) {
        lists[at - 1].appendChild(item);
      }
    } else if (item.nextElementSibling) {
      list.insertBefore(item.nextElementSibling, item);
    } else if (at < lists.length - 1) {
      lists[at + 1].insertBefore(item, lists[at + 1].firstElementChild);
    }
    button.focus();
  }

  function layoutJson(form) {
    var sections = [];
    form.querySelectorAll('[data-layout-section]').forEach(function (section) {
      var title = {};
      var zh = section.querySelector('[data-section-zh]').value.trim();
      var en = section.querySelector('[data-section-en]').value.trim();
      if (zh) { title['zh-CN'] = zh; }
      if (en) { title.en = en; }
      var visible = section.querySelector('[data-section-visible]').value.trim();
      sections.push({
        title: title,
        columns: parseInt(section.querySelector('[data-section-columns]').value, 10),
        visibleIf: visible || null,
        fields: Array.prototype.map.call(section.querySelectorAll('[data-field]'), function (li) {
          return li.getAttribute('data-field');
        })
      });
    });
    return JSON.stringify({ sections: sections });
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-indexed]');
    if (add) {
      var rows = document.querySelector(add.getAttribute('data-add-indexed'));
      var rowTemplate = document.querySelector(add.getAttribute('data-template'));
      if (rows && rowTemplate) {
        var row = cloneIndexed(rows, rowTemplate);
        var input = row.querySelector('input');
        if (input) { input.focus(); }
      }
      return;
    }
    var move = event.target.closest('[data-move]');
    if (move && move.closest('[data-layout-form]')) {
      moveField(move);
      return;
    }
    var addSection = event.target.closest('[data-add-section]');
    if (addSection) {
      var sections = document.querySelector(addSection.getAttribute('data-add-section'));
      var sectionTemplate = document.querySelector(addSection.getAttribute('data-template'));
      if (sections && sectionTemplate) {
        var section = cloneIndexed(sections, sectionTemplate);
        makeSortable(section.querySelector('[data-layout-fields]'));
        section.querySelector('input').focus();
      }
      return;
    }
    var removeSection = event.target.closest('[data-remove-section]');
    if (removeSection) {
      var card = removeSection.closest('[data-layout-section]');
      var target = palette(removeSection.closest('[data-layout-form]'));
      card.querySelectorAll('[data-field]').forEach(function (li) { target.appendChild(li); });
      card.remove();
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-field-type]')) {
      showTypeSettings(event.target);
    }
    if (event.target.matches && event.target.matches('[data-section-columns]')) {
      var list = event.target.closest('[data-layout-section]').querySelector('[data-layout-fields]');
      list.classList.toggle('one-column', event.target.value === '1');
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.matches && form.matches('[data-layout-form]')) {
      form.querySelector('#layout-json').value = layoutJson(form);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-field-type]').forEach(showTypeSettings);
    document.querySelectorAll('[data-layout-form] [data-layout-fields]').forEach(makeSortable);
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
