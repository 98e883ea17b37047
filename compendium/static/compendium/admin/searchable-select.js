'use strict';
// Turn long choice lists (countries) into searchable selects with the admin's own select2.
{
    const $ = django.jQuery;
    const enhance = (root) => {
        $(root).find('select.searchable-select').not('[name*="__prefix__"]').select2({width: '20em'});
    };
    $(() => enhance(document));
    document.addEventListener('formset:added', (event) => enhance(event.target));
}
