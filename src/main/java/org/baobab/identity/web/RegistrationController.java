// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.baobab.identity.Accounts;
import org.baobab.identity.IdentityErrorCode;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A company registers itself, and its first user verifies their e-mail address. */
@Controller
class RegistrationController {

    /** The countries offered first: those whose rule packs Baobab ships, then the rest of the region. */
    static final List<String> COUNTRIES = List.of(
            "SN", "CM", "CI", "BJ", "BF", "ML", "NE", "TG", "GN", "GW", "TD", "CF", "GA", "CG", "CD", "GQ", "MR", "MA",
            "TN", "DZ", "MG", "RW", "BI", "DJ", "KM", "FR");

    private final Accounts accounts;
    private final FormErrors forms;

    RegistrationController(Accounts accounts, FormErrors forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    /** The registration form; every field is checked again by {@link Accounts#registerSupplier}. */
    record RegistrationForm(
            @NotBlank @Size(min = 2, max = 300) String companyName,
            @NotBlank String country,
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(min = 12, max = 128) String password,
            @NotNull @AssertTrue Boolean acceptTerms) {

        static RegistrationForm empty() {
            return new RegistrationForm("", "SN", "", "", "", false);
        }
    }

    record CountryOption(String code, String name) {}

    @ModelAttribute("countries")
    List<CountryOption> countries(Locale locale) {
        return countryOptions(locale);
    }

    /** The countries of {@link #COUNTRIES}, named in the reader's language and sorted by that name. */
    static List<CountryOption> countryOptions(Locale locale) {
        return COUNTRIES.stream()
                .map(c -> new CountryOption(c, CountryCode.of(c).displayName(locale)))
                .sorted(Comparator.comparing(CountryOption::name))
                .toList();
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("registration", RegistrationForm.empty());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("registration") RegistrationForm form, BindingResult errors, Locale locale) {
        return forms.on(errors)
                .field(IdentityErrorCode.EMAIL_TAKEN, "email")
                .field(IdentityErrorCode.INVALID_EMAIL, "email")
                .field(IdentityErrorCode.ORGANISATION_NAME_TAKEN, "companyName")
                .field(IdentityErrorCode.WEAK_PASSWORD, "password")
                .field(IdentityErrorCode.INVALID_COUNTRY, "country")
                .run(
                        () -> accounts.registerSupplier(new Accounts.SupplierRegistration(
                                form.companyName(),
                                form.country(),
                                form.fullName(),
                                form.email(),
                                form.password(),
                                locale.getLanguage())),
                        () -> "redirect:/register/done",
                        () -> "identity/register");
    }

    @GetMapping("/register/done")
    String done() {
        return "identity/register-done";
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam String token, Model model) {
        try {
            accounts.verifyEmail(token);
        } catch (BaobabException e) {
            model.addAttribute("invalid", true);
            return "identity/verify-email";
        }
        return "redirect:/login?verified";
    }

    @GetMapping("/verify-email/resend")
    String resendForm() {
        return "identity/verify-email";
    }

    @PostMapping("/verify-email/resend")
    String resend(@RequestParam String email, Model model) {
        accounts.resendVerification(email);
        model.addAttribute("resent", true);
        return "identity/verify-email";
    }
}
