search-title = Пошук пропозицій
search-intro = Знайдіть консультації, курси та інші пропозиції для мігрантів – будь-якою мовою, також за скороченнями на кшталт MBE, JMD або Kita.
search-q = Пошукові слова
search-q-hint = Наприклад, «Deutschkurs», «Kita» або «Migrationsberatung». Помилки в написанні – не проблема.
search-radius = Відстань
search-radius-km = { $km } км
search-any = усі
search-language = Мова пропозиції
search-open-now = Відкрито зараз
search-free = Безкоштовно
search-results = { $total ->
    [one] { $total } пропозиція
    [few] { $total } пропозиції
   *[other] { $total } пропозицій
}
search-none = Пропозицій не знайдено. Спробуйте менше фільтрів або інші пошукові слова.
search-relaxed = Не всі ваші пошукові слова трапляються разом в одній пропозиції. Показано також пропозиції, що відповідають частині слів (щонайменше { $at_least } з { $of }); найвідповідніші – вгорі.
search-did-you-mean = Можливо, ви мали на увазі:
search-words-only = Ті самі слова без фільтрів
search-whole-field = Усі пропозиції у сфері «{ $field }»
search-to-finder = Знайти відповідальну консультаційну службу для вашого населеного пункту
search-places = Місця
search-map = Карта пропозицій
search-distance = { $km } км звідси
search-pagination = Сторінки
search-page = Сторінка { $page } з { $pages }
search-prev = Попередня сторінка
search-next = Наступна сторінка
search-err-value = Недійсне значення для «{ $name }»: «{ $value }». Дійсні значення: { $valid }.
search-err-region = Невідомий регіон «{ $value }» (очікується офіційний ключ землі, адміністративного округу, району або громади).
search-more-places = і ще місць: { $count }
