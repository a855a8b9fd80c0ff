// Tests for config/spring-csrf-disabled: Spring Security CSRF turned off in Java and Kotlin, info when the chain is stateless.
import rule from '../../../server/src/engine/rules/config/spring-csrf-disabled';
import { ruleTester } from '../../helpers/rule-tester';

const JAVA_HEAD = 'package app;\n\n@Configuration\npublic class SecurityConfig {\n  @Bean\n  SecurityFilterChain chain(HttpSecurity http) throws Exception {\n';
const JAVA_TAIL = '    return http.build();\n  }\n}\n';
const java = (body: string): string => JAVA_HEAD + body + JAVA_TAIL;

ruleTester(rule, {
  path: 'src/main/java/app/SecurityConfig.java',
  valid: [
    java('    http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"));\n'),
    java('    http.csrf(Customizer.withDefaults());\n'),
    java('    http.csrf().ignoringAntMatchers("/api/**").and().formLogin();\n'),
    java('    http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));\n'),
    java('    // http.csrf().disable();\n    String note = "csrf().disable() is not allowed here";\n'),
    { name: 'Kotlin DSL configuring exemptions', path: 'src/main/kotlin/app/Security.kt', code: 'http {\n    csrf { ignoringRequestMatchers("/api/**") }\n}\n' },
    { name: 'test configuration', path: 'src/test/java/app/TestSecurityConfig.java', code: java('    http.csrf().disable();\n') },
    { name: 'a method called disable on something else', code: java('    http.cors().disable();\n    csrfFilter.disable();\n') },
  ],
  invalid: [
    {
      name: 'the pre-6 chained API',
      code: java('    http\n        .csrf().disable()\n        .authorizeRequests().anyRequest().authenticated();\n'),
      errors: [{
        messageId: 'disabled', line: 8, column: 10, endColumn: 26, severity: 'warning', fixes: [],
        message: 'CSRF protection is disabled: any website a signed-in user visits can send state-changing requests as that user',
      }],
    },
    {
      name: 'lambda DSL, method reference, and a block lambda',
      code: java(
        '    http.csrf(csrf -> csrf.disable());\n' +
        '    http.csrf(AbstractHttpConfigurer::disable);\n' +
        '    http.csrf((c) -> {\n      c.disable();\n    });\n',
      ),
      errors: [
        { messageId: 'disabled', line: 7, column: 10, endColumn: 38 },
        { messageId: 'disabled', line: 8, column: 10, endColumn: 47 },
        { messageId: 'disabled', line: 9, column: 10, endLine: 11, endColumn: 7 },
      ],
    },
    {
      name: 'a comment about a stateless API does not silence it',
      code: java('    // stateless REST API, no sessions\n    http.csrf(c -> c.disable())\n        .httpBasic(Customizer.withDefaults());\n'),
      errors: [{ messageId: 'disabled', line: 8, column: 10, endColumn: 32, severity: 'warning' }],
    },
    {
      name: 'stateless session policy in the same method lowers it to info',
      code: java(
        '    http.csrf(AbstractHttpConfigurer::disable)\n' +
        '        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))\n' +
        '        .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));\n',
      ),
      errors: [{
        messageId: 'statelessDisabled', line: 7, column: 10, endColumn: 47, severity: 'info',
        message: /^CSRF protection is disabled in a stateless configuration/,
      }],
    },
    {
      name: 'a stateless chain in another method does not lower it',
      code:
        'public class SecurityConfig {\n' +
        '  SecurityFilterChain api(HttpSecurity http) throws Exception {\n    http.sessionManagement().sessionCreationPolicy(SessionCreationPolicy.STATELESS);\n    return http.build();\n  }\n\n' +
        '  SecurityFilterChain web(HttpSecurity http) throws Exception {\n    http.csrf().disable();\n    return http.build();\n  }\n}\n',
      errors: [{ messageId: 'disabled', line: 8, column: 10, endColumn: 26, severity: 'warning' }],
    },
    {
      name: 'WebFlux',
      code: java('    http.csrf(ServerHttpSecurity.CsrfSpec::disable);\n'),
      errors: [{ messageId: 'disabled', line: 7, column: 10, endColumn: 52 }],
    },
    {
      name: 'Kotlin DSL and Kotlin lambdas',
      path: 'src/main/kotlin/app/SecurityConfig.kt',
      code:
        '@Configuration\nclass SecurityConfig {\n    @Bean\n    fun chain(http: HttpSecurity): SecurityFilterChain {\n' +
        '        http {\n            csrf { disable() }\n            formLogin { }\n        }\n' +
        '        http.csrf { it.disable() }\n        http.csrf(CsrfConfigurer<HttpSecurity>::disable)\n        return http.build()\n    }\n}\n',
      errors: [
        { messageId: 'disabled', line: 6, column: 13, endColumn: 31 },
        { messageId: 'disabled', line: 9, column: 14, endColumn: 35 },
        { messageId: 'disabled', line: 10, column: 14, endColumn: 57 },
      ],
    },
    {
      name: 'Kotlin WebFlux DSL in an expression-bodied function; the stateless chain of the next bean does not lower it',
      path: 'src/main/kotlin/app/WebFluxSecurityConfig.kt',
      code:
        '@EnableWebFluxSecurity\nclass WebFluxSecurityConfig(\n    private val props: JwtProperties,\n) {\n' +
        '    @Bean\n    fun web(http: ServerHttpSecurity): SecurityWebFilterChain = http {\n        csrf { disable() }\n        formLogin { }\n    }\n\n' +
        '    @Bean\n    fun api(http: ServerHttpSecurity): SecurityWebFilterChain = http {\n        oauth2ResourceServer { jwt { } }\n    }\n}\n',
      errors: [{ messageId: 'disabled', line: 7, column: 9, endColumn: 27, severity: 'warning' }],
    },
    {
      name: 'Kotlin DSL with a stateless session',
      path: 'src/main/kotlin/app/ApiSecurity.kt',
      code: 'fun api(http: HttpSecurity) {\n    http {\n        csrf { disable() }\n        sessionManagement { sessionCreationPolicy = SessionCreationPolicy.STATELESS }\n    }\n}\n',
      errors: [{ messageId: 'statelessDisabled', line: 3, column: 9, endColumn: 27, severity: 'info' }],
    },
  ],
});
