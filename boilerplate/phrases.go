package boilerplate

// The built-in phrase sets, by kind, in the syntax of ParsePattern. A
// pattern without "..." is a label that must be the whole line (or what
// comes before its colon); one ending in "..." is a prompt the line
// starts with. Both sets are always used, whatever the draft's language.

// English is the built-in English phrase set.
var English = []string{
	// Paywalls and subscription offers.
	"paywall: subscribe|subscribed",
	"paywall: subscribe [now|today|here] ...",
	"paywall: sign up to read|continue|keep|unlock|access|view|see|get ...",
	"paywall: register|signup to read|continue|keep|unlock|access|view|see|get ...",
	"paywall: [to] continue|keep reading ...",
	"paywall: start|begin reading",
	"paywall: read the full story|article ...",
	"paywall: get|gain|unlock [full|unlimited|digital|instant|premium] access ...",
	"paywall: unlock this|the|full|unlimited ...",
	"paywall: start|begin|try your|a [free] trial|subscription ...",
	"paywall: start|try [a] free trial ...",
	"paywall: try [it] [for] free",
	"paywall: free trial",
	"paywall: #|one|two|three|seven|fourteen|thirty [day|days|week|weeks|month|months] [for] free [trial]",
	"paywall: [you] have|you've reached|used ... article|articles|stories|limit ...",
	"paywall: this article|story|content is ... for|to subscribers|members ...",
	"paywall: subscriber|subscribers|members|premium only|exclusive [content|article|story]",
	"paywall: become a|an member|subscriber|supporter|insider ...",
	"paywall: not a subscriber|member ...",
	"paywall: support our|independent|quality journalism ...",
	"paywall: [get|read] all [of] your|the news ... in one place|app",
	"paywall: #|hundreds|thousands of [premium|trusted|top] titles|sources|publications|magazines|newspapers",
	"paywall: # [premium|trusted|top] [global] titles|sources|publications|magazines|newspapers",
	"paywall: read news from ...",
	"paywall: one subscription|membership that|for|one|gives ...",
	"paywall: one membership",

	// Sign-in and registration prompts.
	"sign-in: sign|log in|on|out",
	"sign-in: login|log-in|sign-in|signin|logout|register",
	"sign-in: sign up",
	"sign-in: sign|log in|on here|now|to|with|using ...",
	"sign-in: sign up now|today|here|free",
	"sign-in: sign up for free",
	"sign-in: already a member|user|customer|subscriber|registered",
	"sign-in: already a member|user|customer|subscriber|registered sign|log|login|click|tap ...",
	"sign-in: already have an|a [free] account",
	"sign-in: already have an|a [free] account sign|log|login|click|tap ...",
	"sign-in: don't|dont have an|a [free] account ...",
	"sign-in: do not have an|a [free] account ...",
	"sign-in: create an|your|a [free] account ...",
	"sign-in: register|signup for|with a|an [free] account ...",
	"sign-in: sign up for|with a|an [free] account ...",
	"sign-in: forgot your password ...",
	"sign-in: my account",

	// App prompts.
	"app: download|get|install|try the|our [free] [new] ... app ...",
	"app: one app ...",
	"app: open|read|continue|listen|watch in [the] app ...",
	"app: available on|in|from [the] app store ...",
	"app: available on|in|from google play ...",
	"app: download on|from [the] app store ...",
	"app: download on|from google play ...",
	"app: get it on google play",
	"app: app store",
	"app: google play",

	// Newsletter prompts.
	"newsletter: sign up for|to ... newsletter|newsletters|briefing|bulletin|alerts|digest|emails ...",
	"newsletter: subscribe|register|signup for|to ... newsletter|newsletters|briefing|bulletin|alerts|digest|emails ...",
	"newsletter: sign up and ...",
	"newsletter: get|receive [our|the] ... newsletter|newsletters|alerts|briefing ...",
	"newsletter: ... delivered|straight|direct to your inbox",
	"newsletter: [our|free] newsletter|newsletters",
	"newsletter: enter your email|e-mail [address] ...",
	"newsletter: [your] email|e-mail address",
	"newsletter: thanks|thank [you] for signing|subscribing|registering ...",
	"newsletter: sign-up|signup|subscription successful|confirmed",
	"newsletter: you're|you [are] [now] subscribed|signed ...",
	"newsletter: by signing|subscribing|registering|clicking ...",
	"newsletter: [you] [can] unsubscribe at any time ...",

	// Related-story lists and other page sections.
	"related: related [stories|articles|news|coverage|content|posts|reading|links|topics|videos|items|tags|searches]",
	"related: top|latest|more|trending|popular|featured|recommended stories|articles|news|headlines|videos|reads",
	"related: top stories on|in|from|for|today ...",
	"related: more stories|news|articles|videos from|on|in|about|like ...",
	"related: most read|viewed|shared|commented|popular|watched [stories|articles|now|today]",
	"related: most read|viewed|shared|commented|popular|watched this week|month",
	"related: most read|viewed|shared|commented|watched in|on|from ...",
	"related: trending [now|today]",
	"related: our|editor's|editors|staff|top picks|pick|choice",
	"related: [recommended|suggested] for you",
	"related: recommended [stories|articles|reading]",
	"related: you may|might also like|enjoy ...",
	"related: you may|might also be interested in ...",
	"related: also read|see",
	"related: see also",
	"related: read more|next|also ...",
	"related: more on this story|topic",
	"related: in other news",
	"related: what to read next",
	"related: don't miss ...",
	"related: in case you missed it",
	"related: show|view|load|see more",

	// Share buttons and social prompts.
	"share: share|shares|tweet|email|print",
	"share: # shares",
	"share: share|email|print this [article|story|page|post|video|link]",
	"share: share [this] [article|story] on|via|to|by ...",
	"share: share [this] [article|story] facebook|twitter|x|whatsapp|linkedin|email|pinterest|reddit|telegram|messenger|bluesky ...",
	"share: copy [the] link|url",
	"share: link copied",
	"share: follow us on|at ...",
	"share: like us on facebook",

	// Cookie notices.
	"cookie: we use cookies ...",
	"cookie: this|our site|website|page uses|use cookies ...",
	"cookie: by continuing to browse|use ...",
	"cookie: accept|reject|allow [all] cookies",
	"cookie: cookie|cookies policy|settings|preferences|notice|consent",
	"cookie: manage [cookie] preferences|consent|cookies",

	// Rights lines and page footers.
	"rights: © ...",
	"rights: copyright ©|# ...",
	"rights: ... all rights reserved ...",
	"rights: do not reproduce|redistribute|republish|copy ...",
	"rights: this material|article|content|story may not be ...",
	"rights: privacy policy",
	"rights: terms of use|service",
	"rights: terms and conditions",

	// Advertising labels.
	"ad: advertisement|advertising|ad|ads|sponsored",
	"ad: hide|skip|close ad|ads",
	"ad: sponsored content|ads|links|stories|by ...",
	"ad: story|article continues below [advertisement]",
	"ad: story|article continues below this ad",
	"ad: paid|partner content",
}

// Spanish is the built-in Spanish phrase set.
var Spanish = []string{
	// Muros de pago y suscripciones.
	"paywall: suscribete|suscribase ...",
	"paywall: suscribirse|suscribirme",
	"paywall: hazte|hagase suscriptor|socio|miembro|premium ...",
	"paywall: contenido exclusivo|solo|reservado ...",
	"paywall: este|esta contenido|articulo|noticia es exclusivo|exclusiva|solo ...",
	"paywall: para seguir|continuar leyendo ...",
	"paywall: sigue|siga|continua|continue leyendo",
	"paywall: lee|leer sin limites ...",
	"paywall: ya eres|es suscriptor|suscriptora|socio|socia ...",
	"paywall: prueba|pruebalo gratis ...",
	"paywall: #|un|siete|quince|treinta dia|dias|mes|meses gratis",
	"paywall: accede|acceda a todo|todos ...",
	"paywall: has alcanzado ... limite ...",
	"paywall: ha alcanzado el limite de articulos|noticias|lecturas ...",

	// Inicio de sesión y registro.
	"sign-in: iniciar|inicia|inicie sesion ...",
	"sign-in: cerrar sesion",
	"sign-in: registrate|registrese ...",
	"sign-in: registrarse",
	"sign-in: entra|entrar|accede|acceder|ingresa|ingresar con tu|su cuenta ...",
	"sign-in: ya tienes|tiene [una] cuenta ...",
	"sign-in: no tienes|tiene [una] cuenta ...",
	"sign-in: crea|crear [una|tu] cuenta ...",
	"sign-in: mi cuenta",
	"sign-in: olvidaste|olvido tu|su contrasena ...",

	// Aplicaciones.
	"app: descarga|descargue|instala ... app|aplicacion ...",
	"app: disponible en [la] app store ...",
	"app: disponible en google play ...",

	// Boletines.
	"newsletter: suscribete|apuntate|registrate a|al|en|para ... newsletter|boletin|boletines ...",
	"newsletter: recibe|reciba ... newsletter|boletin ...",
	"newsletter: recibe|reciba [las|nuestras] [ultimas] noticias|novedades en|por ...",
	"newsletter: [nuestro|nuestra] newsletter|boletin",
	"newsletter: introduce|ingresa|escribe tu|su correo|email ...",
	"newsletter: [tu] correo electronico",
	"newsletter: gracias por suscribirte|registrarte|suscribirse ...",
	"newsletter: ... en tu correo|bandeja [de] [entrada]",

	// Noticias relacionadas y secciones de la página.
	"related: noticias|articulos|temas|contenidos|notas relacionados|relacionadas",
	"related: relacionado|relacionados|relacionada|relacionadas",
	"related: contenido relacionado",
	"related: [tambien] te puede|podria interesar ...",
	"related: te recomendamos ...",
	"related: lo mas leido|visto|compartido|comentado",
	"related: [las|los] mas leidas|leidos|vistas|vistos|compartidas|compartidos|comentadas|comentados",
	"related: mas noticias|informacion|articulos ...",
	"related: ultimas noticias",
	"related: lee|leer tambien|ademas|mas ...",
	"related: nuestras recomendaciones|selecciones",
	"related: no te pierdas ...",
	"related: ver mas|todo|todas|todos",

	// Botones para compartir.
	"share: compartir|comparte|compartelo",
	"share: compartir|comparte en|por|via ...",
	"share: compartir|comparte esta|este noticia|articulo|nota|historia ...",
	"share: copiar enlace",
	"share: siguenos en ...",

	// Avisos de cookies.
	"cookie: utilizamos|usamos cookies ...",
	"cookie: este|esta sitio|web|pagina utiliza|usa cookies ...",
	"cookie: al|si continua|continuas|continuar navegando ...",
	"cookie: aceptar|rechazar|configurar [todas] [las] cookies",
	"cookie: politica|configuracion de cookies",

	// Derechos y pie de página.
	"rights: ... todos los derechos reservados ...",
	"rights: [queda] prohibida [la|su] reproduccion ...",
	"rights: politica de privacidad",
	"rights: aviso legal",
	"rights: terminos y condiciones",

	// Publicidad.
	"ad: publicidad|anuncio|patrocinado",
	"ad: contenido patrocinado",
}
