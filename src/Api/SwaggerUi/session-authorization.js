// Keeps what was entered under "Authorize" for the browser session (sessionStorage: gone when the tab or browser
// closes, unlike Swagger UI's own persistAuthorization, which keeps tokens in localStorage indefinitely), so that a
// reload does not sign the user out. Served by the API at /swagger/customercare/session-authorization.js.
(function () {
  'use strict';
  var key = 'customercare.swagger.authorized';

  function start() {
    var ui = window.ui;
    if (!ui || !ui.getStore || !ui.authSelectors) {
      setTimeout(start, 50);
      return;
    }

    var saved = sessionStorage.getItem(key);
    if (saved) {
      try {
        ui.authActions.authorize(JSON.parse(saved));
      } catch (e) {
        sessionStorage.removeItem(key);
      }
    }

    var last = saved;
    ui.getStore().subscribe(function () {
      var authorized = ui.authSelectors.authorized();
      var now = authorized && authorized.size > 0 ? JSON.stringify(authorized.toJS()) : null;
      if (now === last) {
        return;
      }

      last = now;
      if (now === null) {
        sessionStorage.removeItem(key);
      } else {
        sessionStorage.setItem(key, now);
      }
    });
  }

  start();
})();
