// 申报表: live word counts, autosave, certification rows, confirmations. Plain script, no framework.
(function () {
  'use strict';

  // 字数 — the same rule as Features/Applications/WordCount.cs: each CJK character or full-width mark
  // counts 1; a run of letters or digits (with . % - _ inside it, as in 85.3%) counts 1; the rest 0.
  var letterOrDigit = /[\p{L}\p{Nd}]/u;
  function isCjk(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
      c === 0x201C || c === 0x201D || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026 || c === 0x00B7;
  }
  function countWords(text) {
    var count = 0, inWord = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i), ch = text.charAt(i); // UTF-16 units, like C# chars
      if (isCjk(c)) { count++; inWord = false; }
      else if (letterOrDigit.test(ch)) { if (!inWord) count++; inWord = true; }
      else if (!(inWord && (ch === '.' || ch === '%' || ch === '-' || ch === '_'))) { inWord = false; }
    }
    return count;
  }
  window.biaoganWordCount = countWords;

  var areas = document.querySelectorAll('textarea[data-wordlimit]');
  var total = document.getElementById('total-count');
  function refreshCounts() {
    var sum = 0;
    areas.forEach(function (area) {
      var n = countWords(area.value), limit = parseInt(area.dataset.wordlimit, 10);
      sum += n;
      var out = document.getElementById(area.dataset.counter);
      if (out) {
        out.textContent = '已写 ' + n + ' 字 / 上限 ' + limit + ' 字' + (n > limit ? '（超出 ' + (n - limit) + ' 字）' : '');
        out.classList.toggle('over', n > limit);
      }
    });
    if (total) {
      var max = parseInt(total.dataset.limit, 10);
      total.textContent = '全文已写 ' + sum + ' 字 / 上限 ' + max + ' 字' + (sum > max ? '（超出 ' + (sum - max) + ' 字）' : '');
      total.classList.toggle('over', sum > max);
    }
  }
  areas.forEach(function (area) { area.addEventListener('input', refreshCounts); });
  if (areas.length) refreshCounts();

  // 专项服务名称/服务范围 only matter for 服务类.
  var serviceFields = document.getElementById('service-fields');
  if (serviceFields) {
    var radios = document.querySelectorAll('input[name="Input.Category"]');
    var toggle = function () {
      var chosen = document.querySelector('input[name="Input.Category"]:checked');
      serviceFields.hidden = !!chosen && chosen.value === 'Enterprise';
    };
    radios.forEach(function (r) { r.addEventListener('change', toggle); });
    toggle();
  }

  // 强制性认证: add and remove rows (keys need not be contiguous; the server reads the .Index fields).
  document.querySelectorAll('[data-add-row]').forEach(function (button) {
    button.addEventListener('click', function () {
      var tbody = document.getElementById(button.dataset.addRow).querySelector('tbody');
      var template = document.getElementById(button.dataset.template).innerHTML;
      var html = template.replace(/__k__/g, 'n' + Date.now());
      // A template shared by several lists (the score sheet's items) takes the list's index from the button.
      if (button.dataset.index !== undefined) html = html.replace(/__i__/g, button.dataset.index);
      tbody.insertAdjacentHTML('beforeend', html);
      markDirty();
    });
  });
  document.addEventListener('click', function (e) {
    var remove = e.target.closest && e.target.closest('[data-remove-row]');
    if (remove && !remove.disabled) { remove.closest('tr').remove(); markDirty(); }
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!window.confirm(f.dataset.confirm)) e.preventDefault(); });
  });

  // Autosave: every 30 s when changed, and when the person leaves the page. On 409 (someone else saved)
  // or an expired login it stops and says so; the text stays in the page either way.
  var form = document.querySelector('form[data-autosave]');
  var status = document.getElementById('autosave-status');
  var dirty = false, stopped = !form || !status, busy = false, submitting = false;
  function markDirty() { dirty = true; }
  function show(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('field-error', !!isError);
  }
  function stop(text) { stopped = true; show(text, true); }
  var current = Promise.resolve();
  function save(leaving) {
    if (busy && !leaving) return current.then(function () { return save(false); });
    if (stopped || busy || !dirty || submitting) return Promise.resolve();
    var data = new FormData(form);
    form.querySelectorAll('input[type=file]').forEach(function (f) { data.delete(f.name); });
    // keepalive lets the request outlive the page, but browsers cap its body at 64 KB.
    var chars = 0;
    data.forEach(function (v) { chars += typeof v === 'string' ? v.length : 0; });
    busy = true; dirty = false;
    current = fetch(form.dataset.autosave, {
      method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual', keepalive: !!leaving && chars < 20000,
      headers: { 'Accept': 'application/json' }
    }).then(function (r) {
      // A redirect here can only be the login page: the session has expired.
      if (r.type === 'opaqueredirect' || r.status === 401 || r.status === 403 || r.status === 302) {
        dirty = true; stop('登录已过期，请在新窗口登录后再保存，本页内容仍在'); return null;
      }
      return r.json().then(function (j) {
        if (r.status === 409) { dirty = true; stop(j.message); return; }
        if (!r.ok) { dirty = true; show(j.message || '自动保存未完成，请稍后点击“保存”。', true); return; }
        var v = form.querySelector('input[name=Version]');
        if (v) v.value = j.version;
        show('已自动保存 ' + String(j.savedAt).substring(11, 16));
      });
    }).catch(function () {
      dirty = true; show('自动保存失败（网络问题），稍后会再试；也可以点击“保存”。', true);
    }).then(function () { busy = false; });
    return current;
  }
  if (!stopped) {
    form.addEventListener('input', markDirty);
    form.addEventListener('change', markDirty);
    form.addEventListener('submit', function () { submitting = true; });
    window.setInterval(function () { save(false); }, 30000);
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') save(true); });
    window.addEventListener('pagehide', function () { save(true); });
    // Moving to another tab of the form: save first, then go.
    document.querySelectorAll('.tabs a').forEach(function (a) {
      a.addEventListener('click', function (e) {
        if (!dirty || stopped) return;
        e.preventDefault();
        show('正在保存…');
        // Stay when the save did not go through, so nothing typed is lost.
        save(false).then(function () { if (!stopped && !dirty) window.location.href = a.href; });
      });
    });
    window.addEventListener('beforeunload', function (e) {
      if (dirty && stopped && !submitting) { e.preventDefault(); e.returnValue = ''; }
    });
  }
})();
