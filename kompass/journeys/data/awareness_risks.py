"""Seed content of the awareness pages (risks). Plain text: blank line = paragraph, "- " = list item,
"## " = heading. Written for people on the move; Ukrainian first, then the other interface languages."""

# fmt: off
RISK_PAGES = [
    {
        "slug": "fake-job-offers",
        "sort_order": 1,
        "title": {
            "uk": "Фальшиві пропозиції роботи",
            "ru": "Фальшивые предложения работы",
            "ro": "Oferte de muncă false",
            "en": "Fake job offers",
            "sr-latn": "Lažne ponude za posao",
        },
        "summary": {
            "uk": "Як вербувальники обманюють обіцянками легкої роботи з високою зарплатою, і як це розпізнати.",
            "ru": "Как вербовщики обманывают обещаниями лёгкой работы с высокой зарплатой и как это распознать.",
            "ro": "Cum înșală recrutorii cu promisiuni de muncă ușoară și bine plătită și cum recunoașteți asta.",
            "en": "How recruiters deceive with promises of easy, well-paid work, and how to recognise it.",
            "sr-latn": "Kako vrbovatelji obmanjuju obećanjima lakog i dobro plaćenog posla i kako to prepoznati.",
        },
        "body": {
            "uk": "Торговці людьми часто пропонують роботу за кордоном через Telegram, Viber, Facebook або знайомих. Робота виявляється іншою, зарплату не платять, а документи забирають.\n\n## Тривожні сигнали\n\n- Зарплата набагато вища, ніж зазвичай, а досвід не потрібен.\n- Вас просять заплатити за роботу, квитки чи житло наперед або «відпрацювати» борг.\n- Немає письмового договору мовою, яку ви розумієте, або договір підписують за вас.\n- Роботодавець хоче забрати ваш паспорт «на зберігання» чи «для оформлення».\n- Назву компанії й адресу неможливо перевірити; спілкуються лише в месенджері.\n- Вас квапливо вмовляють їхати вже сьогодні й нікому не казати.\n\n## Що робити\n\n- Перевірте компанію: реєстр, відгуки, адресу, номер телефону.\n- Вимагайте договір до виїзду і збережіть його копію.\n- Залиште рідним адресу роботи, ім’я роботодавця і фото оголошення.\n- Якщо сумніваєтесь, зателефонуйте на гарячу лінію з протидії торгівлі людьми.",
            "ru": "Торговцы людьми часто предлагают работу за границей через Telegram, Viber, Facebook или знакомых. Работа оказывается другой, зарплату не платят, а документы забирают.\n\n## Тревожные сигналы\n\n- Зарплата намного выше обычной, а опыт не нужен.\n- Вас просят заплатить за работу, билеты или жильё заранее или «отработать» долг.\n- Нет письменного договора на понятном вам языке, или договор подписывают за вас.\n- Работодатель хочет забрать ваш паспорт «на хранение» или «для оформления».\n- Название компании и адрес невозможно проверить; общение только в мессенджере.\n- Вас торопят ехать сегодня же и никому не говорить.\n\n## Что делать\n\n- Проверьте компанию: реестр, отзывы, адрес, номер телефона.\n- Требуйте договор до отъезда и сохраните его копию.\n- Оставьте родным адрес работы, имя работодателя и фото объявления.\n- Если сомневаетесь, позвоните на горячую линию по противодействию торговле людьми.",
            "ro": "Traficanții oferă adesea locuri de muncă în străinătate prin Telegram, Viber, Facebook sau prin cunoștințe. Munca se dovedește alta, salariul nu se plătește, iar documentele sunt luate.\n\n## Semnale de alarmă\n\n- Salariul este mult mai mare decât de obicei și nu se cere experiență.\n- Vi se cere să plătiți în avans pentru loc de muncă, bilete sau cazare, sau să „munciți” pentru o datorie.\n- Nu există contract scris într-o limbă pe care o înțelegeți, sau alții semnează în locul dumneavoastră.\n- Angajatorul vrea să vă ia pașaportul „în păstrare” sau „pentru acte”.\n- Numele și adresa firmei nu pot fi verificate; discuțiile au loc doar pe mesagerie.\n- Vi se cere să plecați în grabă, chiar azi, și să nu spuneți nimănui.\n\n## Ce să faceți\n\n- Verificați firma: registrul comerțului, recenzii, adresă, număr de telefon.\n- Cereți contractul înainte de plecare și păstrați o copie.\n- Lăsați familiei adresa locului de muncă, numele angajatorului și o fotografie a anunțului.\n- Dacă aveți îndoieli, sunați la linia telefonică împotriva traficului de persoane.",
            "en": "Traffickers often offer jobs abroad through Telegram, Viber, Facebook or acquaintances. The work turns out to be different, wages are not paid and documents are taken away.\n\n## Red flags\n\n- The pay is much higher than usual and no experience is needed.\n- You are asked to pay in advance for the job, tickets or housing, or to “work off” a debt.\n- There is no written contract in a language you understand, or someone signs it for you.\n- The employer wants to keep your passport “for safekeeping” or “for the paperwork”.\n- The company's name and address cannot be checked; everything happens in a messenger.\n- You are pushed to leave today and to tell nobody.\n\n## What to do\n\n- Check the company: business register, reviews, address, phone number.\n- Ask for the contract before you leave and keep a copy.\n- Leave your family the workplace address, the employer's name and a photo of the advert.\n- If in doubt, call the anti-trafficking hotline.",
            "sr-latn": "Trgovci ljudima često nude posao u inostranstvu preko Telegrama, Vibera, Fejsbuka ili poznanika. Posao se ispostavi drugačijim, plata se ne isplaćuje, a dokumenti se oduzimaju.\n\n## Znaci upozorenja\n\n- Plata je mnogo veća od uobičajene, a iskustvo nije potrebno.\n- Traže da unapred platite posao, karte ili smeštaj, ili da „odradite” dug.\n- Nema pisanog ugovora na jeziku koji razumete, ili ga neko potpisuje umesto vas.\n- Poslodavac želi da zadrži vaš pasoš „na čuvanju” ili „zbog papira”.\n- Naziv i adresu firme nije moguće proveriti; sve se odvija preko aplikacije za poruke.\n- Požuruju vas da krenete danas i da nikome ne kažete.\n\n## Šta da uradite\n\n- Proverite firmu: registar privrednih subjekata, utiske, adresu, broj telefona.\n- Tražite ugovor pre polaska i sačuvajte kopiju.\n- Ostavite porodici adresu posla, ime poslodavca i fotografiju oglasa.\n- Ako sumnjate, pozovite liniju za pomoć protiv trgovine ljudima.",
        },
    },
    {
        "slug": "transport-offers",
        "sort_order": 2,
        "title": {
            "uk": "Пропозиції перевезення",
            "ru": "Предложения перевозки",
            "ro": "Oferte de transport",
            "en": "Transport offers",
            "sr-latn": "Ponude za prevoz",
        },
        "summary": {
            "uk": "Безкоштовні поїздки від незнайомців на кордоні чи вокзалі можуть бути пасткою.",
            "ru": "Бесплатные поездки от незнакомцев на границе или вокзале могут быть ловушкой.",
            "ro": "Transportul gratuit oferit de necunoscuți la graniță sau în gară poate fi o capcană.",
            "en": "Free rides from strangers at the border or the station can be a trap.",
            "sr-latn": "Besplatna vožnja od nepoznatih ljudi na granici ili stanici može biti zamka.",
        },
        "body": {
            "uk": "На кордонах і вокзалах працюють волонтери й офіційні пункти допомоги. Але там же шукають людей і ті, хто хоче їх використати.\n\n## Тривожні сигнали\n\n- Незнайомець пропонує підвезти безкоштовно «аж до місця» і не має жодного посвідчення.\n- Водій відмовляється показати документи, номер машини чи назву організації.\n- Вас розлучають із групою або дітьми, «бо в машині мало місця».\n- Маршрут раптово змінюється, телефон просять вимкнути.\n\n## Що робити\n\n- Користуйтеся офіційним транспортом і пунктами допомоги з бейджами та жилетами.\n- Сфотографуйте номер машини й документ водія, надішліть рідним.\n- Не віддавайте нікому свій паспорт і не сідайте в машину сама з дітьми до незнайомця вночі.\n- Запитайте на найближчому пункті підтримки (вони є у вашому плані безпеки).",
            "ru": "На границах и вокзалах работают волонтёры и официальные пункты помощи. Но там же ищут людей и те, кто хочет их использовать.\n\n## Тревожные сигналы\n\n- Незнакомец предлагает подвезти бесплатно «прямо до места» и не имеет никакого удостоверения.\n- Водитель отказывается показать документы, номер машины или название организации.\n- Вас разлучают с группой или детьми, «потому что в машине мало места».\n- Маршрут внезапно меняется, телефон просят выключить.\n\n## Что делать\n\n- Пользуйтесь официальным транспортом и пунктами помощи с бейджами и жилетами.\n- Сфотографируйте номер машины и документ водителя, отправьте родным.\n- Никому не отдавайте паспорт и не садитесь ночью с детьми в машину к незнакомцу.\n- Спросите в ближайшем пункте поддержки (они есть в вашем плане безопасности).",
            "ro": "La granițe și în gări lucrează voluntari și puncte oficiale de sprijin. Dar tot acolo caută oameni și cei care vor să-i exploateze.\n\n## Semnale de alarmă\n\n- Un necunoscut oferă transport gratuit „până la destinație” și nu are niciun ecuson.\n- Șoferul refuză să arate actele, numărul mașinii sau numele organizației.\n- Sunteți despărțit de grup sau de copii „pentru că nu e loc în mașină”.\n- Traseul se schimbă brusc și vi se cere să închideți telefonul.\n\n## Ce să faceți\n\n- Folosiți transportul oficial și punctele de sprijin cu ecusoane și veste.\n- Fotografiați numărul mașinii și actul șoferului și trimiteți-le familiei.\n- Nu dați nimănui pașaportul și nu urcați noaptea, singură cu copiii, în mașina unui necunoscut.\n- Întrebați la cel mai apropiat punct de sprijin (sunt în planul dumneavoastră de siguranță).",
            "en": "Volunteers and official help points work at borders and stations. But people who want to exploit others look for them there too.\n\n## Red flags\n\n- A stranger offers a free ride “all the way” and has no badge at all.\n- The driver refuses to show documents, the car's number or the organisation's name.\n- You are separated from your group or children “because there is no room in the car”.\n- The route suddenly changes and you are asked to switch off your phone.\n\n## What to do\n\n- Use official transport and help points with badges and vests.\n- Photograph the number plate and the driver's ID and send them to your family.\n- Never give anyone your passport, and do not get into a stranger's car alone with children at night.\n- Ask at the nearest support point (they are in your safety plan).",
            "sr-latn": "Na granicama i stanicama rade volonteri i zvanična mesta za pomoć. Ali tamo ljude traže i oni koji žele da ih iskoriste.\n\n## Znaci upozorenja\n\n- Nepoznata osoba nudi besplatan prevoz „do samog mesta” i nema nikakvu identifikaciju.\n- Vozač odbija da pokaže dokumente, registarski broj ili naziv organizacije.\n- Razdvajaju vas od grupe ili dece „jer nema mesta u kolima”.\n- Putanja se naglo menja i traže da isključite telefon.\n\n## Šta da uradite\n\n- Koristite zvanični prevoz i mesta za pomoć sa akreditacijama i prslucima.\n- Fotografišite registarski broj i dokument vozača i pošaljite ih porodici.\n- Nikome ne dajte pasoš i ne ulazite noću sami sa decom u kola nepoznate osobe.\n- Pitajte na najbližem mestu podrške (nalaze se u vašem planu bezbednosti).",
        },
    },
    {
        "slug": "housing-offers",
        "sort_order": 3,
        "title": {
            "uk": "Пропозиції житла",
            "ru": "Предложения жилья",
            "ro": "Oferte de cazare",
            "en": "Housing offers",
            "sr-latn": "Ponude za smeštaj",
        },
        "summary": {
            "uk": "Безкоштовне житло «в обмін на допомогу по господарству» може обернутися експлуатацією.",
            "ru": "Бесплатное жильё «в обмен на помощь по хозяйству» может обернуться эксплуатацией.",
            "ro": "Cazarea gratuită „în schimbul unui ajutor în gospodărie” poate deveni exploatare.",
            "en": "Free housing “in exchange for help around the house” can turn into exploitation.",
            "sr-latn": "Besplatan smeštaj „u zamenu za pomoć u kući” može se pretvoriti u eksploataciju.",
        },
        "body": {
            "uk": "Приватні особи пропонують житло в соцмережах. Більшість із них щиро допомагає, але деякі вимагають роботи без оплати, сексу чи документів.\n\n## Тривожні сигнали\n\n- Житло пропонують лише жінкам або лише молодим жінкам без дітей.\n- Господар хоче тримати ваші документи або забороняє виходити й користуватися телефоном.\n- За житло просять «відпрацювати» багато годин щодня.\n- Адресу повідомляють лише в останню мить.\n\n## Що робити\n\n- Шукайте житло через муніципалітет, офіційні програми або перевірені організації з довідника.\n- Надішліть адресу та ім’я господаря людині, якій довіряєте.\n- Домовтеся з рідними про кодове слово на випадок небезпеки.",
            "ru": "Частные лица предлагают жильё в соцсетях. Большинство искренне помогает, но некоторые требуют бесплатной работы, секса или документов.\n\n## Тревожные сигналы\n\n- Жильё предлагают только женщинам или только молодым женщинам без детей.\n- Хозяин хочет держать ваши документы или запрещает выходить и пользоваться телефоном.\n- За жильё просят «отрабатывать» много часов в день.\n- Адрес сообщают только в последний момент.\n\n## Что делать\n\n- Ищите жильё через муниципалитет, официальные программы или проверенные организации из справочника.\n- Отправьте адрес и имя хозяина человеку, которому доверяете.\n- Договоритесь с родными о кодовом слове на случай опасности.",
            "ro": "Persoane private oferă cazare pe rețelele sociale. Cei mai mulți ajută sincer, dar unii cer muncă neplătită, sex sau documente.\n\n## Semnale de alarmă\n\n- Cazarea este oferită doar femeilor sau doar femeilor tinere fără copii.\n- Gazda vrea să vă păstreze actele sau vă interzice să ieșiți și să folosiți telefonul.\n- Pentru cazare vi se cere să „munciți” multe ore pe zi.\n- Adresa vă este spusă abia în ultimul moment.\n\n## Ce să faceți\n\n- Căutați cazare prin primărie, programe oficiale sau organizații verificate din director.\n- Trimiteți adresa și numele gazdei unei persoane de încredere.\n- Stabiliți cu familia un cuvânt-cod pentru caz de pericol.",
            "en": "Private people offer housing on social media. Most of them help sincerely, but some demand unpaid work, sex or documents.\n\n## Red flags\n\n- Housing is offered only to women, or only to young women without children.\n- The host wants to keep your documents or forbids you to go out or use your phone.\n- You are asked to “work off” the housing for many hours a day.\n- The address is given only at the last minute.\n\n## What to do\n\n- Look for housing through the municipality, official programmes or checked organisations in the directory.\n- Send the address and the host's name to someone you trust.\n- Agree on a code word with your family for when you are in danger.",
            "sr-latn": "Privatna lica nude smeštaj na društvenim mrežama. Većina iskreno pomaže, ali neki traže neplaćeni rad, seks ili dokumente.\n\n## Znaci upozorenja\n\n- Smeštaj se nudi samo ženama, ili samo mladim ženama bez dece.\n- Domaćin želi da zadrži vaše dokumente ili vam zabranjuje da izlazite i koristite telefon.\n- Za smeštaj traže da „odradite” mnogo sati dnevno.\n- Adresu saopštavaju tek u poslednjem trenutku.\n\n## Šta da uradite\n\n- Tražite smeštaj preko opštine, zvaničnih programa ili proverenih organizacija iz imenika.\n- Pošaljite adresu i ime domaćina osobi od poverenja.\n- Dogovorite sa porodicom šifru za slučaj opasnosti.",
        },
    },
    {
        "slug": "online-contacts",
        "sort_order": 4,
        "title": {
            "uk": "Знайомства онлайн",
            "ru": "Знакомства онлайн",
            "ro": "Contacte online",
            "en": "Online contacts",
            "sr-latn": "Kontakti preko interneta",
        },
        "summary": {
            "uk": "«Друг» чи «кохана людина» з інтернету може заманювати в пастку. Як захистити себе та дітей.",
            "ru": "«Друг» или «любимый человек» из интернета может заманивать в ловушку. Как защитить себя и детей.",
            "ro": "Un „prieten” sau o „persoană iubită” de pe internet vă poate atrage într-o capcană. Cum vă protejați pe dumneavoastră și copiii.",
            "en": "An online “friend” or “partner” may be luring you into a trap. How to protect yourself and your children.",
            "sr-latn": "„Prijatelj” ili „voljena osoba” sa interneta može da vas namami u zamku. Kako da zaštitite sebe i decu.",
        },
        "body": {
            "uk": "Вербувальники швидко здобувають довіру в соцмережах та іграх, особливо з підлітками.\n\n- Вас просять перейти в приватний чат, надіслати інтимні фото чи нікому не розповідати про знайомство.\n- Після короткого знайомства пропонують зустрітися в іншій країні й оплатити дорогу.\n- Обіцянки кохання, шлюбу або модельної кар’єри змінюються погрозами.\n\nЗберігайте листування, не надсилайте документи й фото, розкажіть людині, якій довіряєте. Говоріть із дітьми про те, з ким вони спілкуються онлайн.",
            "ru": "Вербовщики быстро завоёвывают доверие в соцсетях и играх, особенно у подростков.\n\n- Вас просят перейти в личный чат, прислать интимные фото или никому не рассказывать о знакомстве.\n- После короткого знакомства предлагают встретиться в другой стране и оплатить дорогу.\n- Обещания любви, брака или карьеры модели сменяются угрозами.\n\nСохраняйте переписку, не отправляйте документы и фото, расскажите человеку, которому доверяете. Говорите с детьми о том, с кем они общаются онлайн.",
            "ro": "Recrutorii câștigă repede încrederea pe rețelele sociale și în jocuri, mai ales a adolescenților.\n\n- Vi se cere să treceți într-un chat privat, să trimiteți fotografii intime sau să nu spuneți nimănui despre cunoștință.\n- După o cunoștință scurtă, vi se propune o întâlnire în altă țară și vi se plătește drumul.\n- Promisiunile de dragoste, căsătorie sau carieră de model se transformă în amenințări.\n\nPăstrați conversațiile, nu trimiteți documente și fotografii, spuneți unei persoane de încredere. Vorbiți cu copiii despre cei cu care comunică online.",
            "en": "Recruiters quickly win trust on social media and in games, especially with teenagers.\n\n- You are asked to move to a private chat, to send intimate photos or to tell nobody about the contact.\n- After a short acquaintance you are invited to meet in another country, travel paid.\n- Promises of love, marriage or a modelling career turn into threats.\n\nKeep the messages, do not send documents or photos, and tell someone you trust. Talk with your children about who they talk to online.",
            "sr-latn": "Vrbovatelji brzo stiču poverenje na društvenim mrežama i u igricama, naročito kod tinejdžera.\n\n- Traže da pređete u privatni čet, da pošaljete intimne fotografije ili da nikome ne pričate o poznanstvu.\n- Posle kratkog poznanstva predlažu susret u drugoj zemlji i plaćaju put.\n- Obećanja ljubavi, braka ili karijere modela pretvaraju se u pretnje.\n\nČuvajte prepisku, ne šaljite dokumente i fotografije i recite osobi od poverenja. Razgovarajte sa decom o tome s kim se dopisuju na internetu.",
        },
    },
    {
        "slug": "what-to-do",
        "sort_order": 5,
        "source_name": "Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197)",
        "source_url": "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=197",
        "checked": "2026-12-01",
        "note": "Rights of presumed victims: assistance (art. 12) and the recovery and reflection period (art. 13), "
        "as in DOMAIN.md §1.",
        "title": {
            "uk": "Що робити, якщо щось не так",
            "ru": "Что делать, если что-то не так",
            "ro": "Ce să faceți dacă ceva nu e în regulă",
            "en": "What to do if something is wrong",
            "sr-latn": "Šta da uradite ako nešto nije u redu",
        },
        "summary": {
            "uk": "Ви або хтось поруч у небезпеці: куди дзвонити і що сказати.",
            "ru": "Вы или кто-то рядом в опасности: куда звонить и что сказать.",
            "ro": "Dumneavoastră sau cineva din jur sunteți în pericol: unde sunați și ce spuneți.",
            "en": "You or someone near you is in danger: whom to call and what to say.",
            "sr-latn": "Vi ili neko pored vas ste u opasnosti: koga da pozovete i šta da kažete.",
        },
        "body": {
            "uk": "- Якщо є пряма загроза — телефонуйте 112, це безкоштовно.\n- Лінії протидії торгівлі людьми допомагають конфіденційно, більшість із них безкоштовні; номери кожної країни на вашому маршруті є у вашому плані безпеки.\n- Скажіть, де ви (місто, вулиця, номер машини), скільки вас, чи є діти.\n- Ви маєте право на допомогу, навіть якщо у вас немає документів або ви працювали нелегально.\n- Жертви торгівлі людьми мають право на щонайменше 30 днів на відновлення і роздуми, захист і допомогу (Конвенція Ради Європи, ст. 12–13).",
            "ru": "- Если есть прямая угроза — звоните 112, это бесплатно.\n- Линии по противодействию торговле людьми помогают конфиденциально, большинство из них бесплатные; номера каждой страны на вашем маршруте есть в вашем плане безопасности.\n- Скажите, где вы (город, улица, номер машины), сколько вас, есть ли дети.\n- Вы имеете право на помощь, даже если у вас нет документов или вы работали нелегально.\n- Жертвы торговли людьми имеют право как минимум на 30 дней для восстановления и размышления, на защиту и помощь (Конвенция Совета Европы, ст. 12–13).",
            "ro": "- Dacă există un pericol imediat, sunați la 112; apelul este gratuit.\n- Liniile împotriva traficului de persoane vă ajută confidențial, iar cele mai multe sunt gratuite; numerele fiecărei țări de pe traseu sunt în planul dumneavoastră de siguranță.\n- Spuneți unde sunteți (oraș, stradă, numărul mașinii), câte persoane sunteți și dacă sunt copii.\n- Aveți dreptul la ajutor chiar dacă nu aveți documente sau ați lucrat la negru.\n- Victimele traficului au dreptul la o perioadă de recuperare și reflecție de cel puțin 30 de zile, la protecție și asistență (Convenția Consiliului Europei, art. 12–13).",
            "en": "- If there is immediate danger, call 112; the call is free.\n- Anti-trafficking lines help in confidence, and most of them are free; the numbers of every country on your route are in your safety plan.\n- Say where you are (town, street, number plate), how many you are and whether there are children.\n- You have the right to help even if you have no documents or have worked without papers.\n- Victims of trafficking have the right to a recovery and reflection period of at least 30 days, to protection and to assistance (Council of Europe Convention, art. 12–13).",
            "sr-latn": "- Ako postoji neposredna opasnost, pozovite 112; poziv je besplatan.\n- Linije protiv trgovine ljudima pomažu poverljivo i većina je besplatna; brojevi svake zemlje na vašoj ruti nalaze se u vašem planu bezbednosti.\n- Recite gde ste (grad, ulica, registarski broj), koliko vas ima i da li su sa vama deca.\n- Imate pravo na pomoć čak i ako nemate dokumente ili ste radili na crno.\n- Žrtve trgovine ljudima imaju pravo na period oporavka i razmišljanja od najmanje 30 dana, na zaštitu i pomoć (Konvencija Saveta Evrope, čl. 12–13).",
        },
    },
]
# fmt: on
