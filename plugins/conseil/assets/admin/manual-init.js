// Decap CMS waits for conseil-cms.js: our front matter format is registered before the first file is read.
window.CMS_MANUAL_INIT = true;
