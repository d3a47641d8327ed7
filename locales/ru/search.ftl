search-title = Поиск предложений
search-intro = Найдите консультации, курсы и другие предложения для мигрантов – на любом языке, в том числе по сокращениям вроде MBE, JMD или Kita.
search-q = Слова для поиска
search-q-hint = Например, «Deutschkurs», «Kita» или «Migrationsberatung». Опечатки – не проблема.
search-radius = Расстояние
search-radius-km = { $km } км
search-any = все
search-language = Язык предложения
search-open-now = Открыто сейчас
search-free = Бесплатно
search-results = { $total ->
    [one] { $total } предложение
    [few] { $total } предложения
   *[other] { $total } предложений
}
search-none = Предложений не найдено. Попробуйте меньше фильтров или другие слова для поиска.
search-relaxed = Не все ваши слова встречаются вместе в одном предложении. Показаны также предложения, подходящие к части слов (не менее { $at_least } из { $of }); самые подходящие – вверху.
search-did-you-mean = Возможно, вы имели в виду:
search-words-only = Те же слова без фильтров
search-whole-field = Все предложения в области «{ $field }»
search-to-finder = Найти ответственную консультацию для вашего населённого пункта
search-places = Места
search-map = Карта предложений
search-distance = { $km } км отсюда
search-pagination = Страницы
search-page = Страница { $page } из { $pages }
search-prev = Предыдущая страница
search-next = Следующая страница
search-err-value = Недопустимое значение для «{ $name }»: «{ $value }». Допустимые значения: { $valid }.
search-err-region = Неизвестный регион «{ $value }» (ожидается официальный ключ земли, административного округа, района или общины).
search-more-places = и ещё мест: { $count }
