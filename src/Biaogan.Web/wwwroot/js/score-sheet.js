// 独立评分表 / 一致性评审: show the chosen band's descriptor under each percentage, confirm submitting. Plain script.
(function () {
  'use strict';
  document.querySelectorAll('select[data-band-target]').forEach(function (select) {
    select.addEventListener('change', function () {
      var out = document.getElementById(select.dataset.bandTarget);
      var option = select.options[select.selectedIndex];
      var group = option && option.parentNode && option.parentNode.tagName === 'OPTGROUP' ? option.parentNode : null;
      if (out) out.textContent = group ? group.dataset.desc : '请选择评分档和得分率。';
    });
  });
  document.querySelectorAll('[data-confirm-submit]').forEach(function (button) {
    button.addEventListener('click', function (e) {
      if (!window.confirm(button.dataset.confirmSubmit)) e.preventDefault();
    });
  });
})();
