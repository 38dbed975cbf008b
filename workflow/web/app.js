// rodtrad web pages
