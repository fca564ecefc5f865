// The bell: the unread count of the signed-in user, kept current over Server-Sent Events
// (/notifications/stream); a new notification also shows a toast. EventSource reconnects by itself
// and sends the last event id, so nothing is missed while it was away.
(function () {
  'use strict';

  function start() {
    var bell = document.getElementById('bell');
    if (!bell || !window.EventSource) {
      return;
    }
    var badge = bell.querySelector('[data-unread-count]');
    var label = bell.getAttribute('data-label') || '';

    function show(count) {
      badge.textContent = count >= 1000 ? '999+' : String(count);
      badge.hidden = count === 0;
      bell.setAttribute('aria-label', label.replace('{0}', String(count)));
    }

    function toast(notification) {
      var container = document.querySelector('.toast-container');
      if (!container || !window.bootstrap) {
        return;
      }
      var element = document.createElement('div');
      element.className = 'toast align-items-center border-0 text-bg-light';
      element.setAttribute('role', 'status');
      var body = document.createElement('div');
      body.className = 'toast-body';
      var link = document.createElement('a');
      link.href = '/notifications';
      link.className = 'text-reset text-decoration-none';
      var icon = document.createElement('i');
      icon.className = 'bi bi-bell me-2';
      icon.setAttribute('aria-hidden', 'true');
      link.appendChild(icon);
      link.appendChild(document.createTextNode(notification.title || ''));
      body.appendChild(link);
      element.appendChild(body);
      container.appendChild(element);
      element.addEventListener('hidden.bs.toast', function () { element.remove(); });
      new window.bootstrap.Toast(element, { delay: 6000 }).show();
    }

    var source = new EventSource(bell.getAttribute('data-stream'));
    source.addEventListener('unread', function (event) {
      show(JSON.parse(event.data).unreadCount);
    });
    source.addEventListener('notification', function (event) {
      var data = JSON.parse(event.data);
      show(data.unreadCount);
      toast(data.notification);
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
